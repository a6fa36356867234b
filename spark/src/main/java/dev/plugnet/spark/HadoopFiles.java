package dev.plugnet.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Text files on any file system Spark reaches (local, HDFS, object stores), through Hadoop's API. */
final class HadoopFiles {
    private static final long LIMIT = 512L << 20;

    private HadoopFiles() {
    }

    static String read(String path, Configuration conf) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new PlugnetSparkException(path, "no such file");
            }
            if (fs.getFileStatus(p).isDirectory()) {
                throw new PlugnetSparkException(path, "is a folder, not a file");
            }
            if (fs.getFileStatus(p).getLen() > LIMIT) {
                throw new PlugnetSparkException(path, "is larger than " + (LIMIT >> 20) + " MiB");
            }
            try (InputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new PlugnetSparkException(path, "cannot be read: " + e.getMessage());
        }
    }

    /** Writes a new file; an existing one is refused (Spark's writers decide about overwriting the folder). */
    static void write(String path, String text, Configuration conf) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            try (FSDataOutputStream out = fs.create(p, false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new PlugnetSparkException(path, "cannot be written: " + e.getMessage());
        }
    }
}
