package dev.plugnet.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file a command will write, and the rules it must pass before any work is done:
 * <ol>
 * <li>a path that exists and is not a regular file (a device, a FIFO, a folder, a socket, or a symbolic link to
 * one) is never replaced, nor is a symbolic link to nothing;</li>
 * <li>a path that is the same file as one of the command's inputs, however it is spelled (another relative
 * path, a symbolic link, a hard link: {@link Files#isSameFile}), is never replaced;</li>
 * <li>two outputs of one command may not be the same file;</li>
 * <li>the file's folder must be a folder that can be written, or not exist yet (it is then made): a path
 * through a regular file ({@code data.csv/out.json}) or into a read-only file system is refused;</li>
 * <li>an existing regular file is replaced only when it is plugnet's own file of the same kind
 * ({@link OutputKind#recognises}), or when {@code replaceForeign} is set (the user said so).</li>
 * </ol>
 *
 * @param file the path as the user gave it
 * @param kind what will be written there
 * @param role how the user named it, for messages: {@code "--out"}
 */
public record OutputTarget(Path file, OutputKind kind, String role) {

    /**
     * @param replaceForeign whether an existing regular file that is not of this kind may be replaced
     * @param inputs the command's inputs (bundled names that are not files are skipped)
     * @param otherOutputs the command's outputs checked before this one (this one is blamed for a clash)
     * @throws OutputRefusedException if a rule is broken; the location is the role and the path
     */
    public void check(boolean replaceForeign, List<InputFile> inputs, List<OutputTarget> otherOutputs) {
        String where = role + " " + file;
        if (FileType.isDanglingLink(file)) {
            throw new OutputRefusedException(where, "is a symbolic link to a file that does not exist; plugnet"
                    + " does not replace links", OutputRefusedException.Reason.NOT_A_FILE_NAME);
        }
        if (FileType.existsAndIsNotRegular(file)) {
            throw new OutputRefusedException(where, "is " + FileType.describe(file) + ", not a regular file;"
                    + " plugnet writes only regular files", OutputRefusedException.Reason.NOT_REGULAR);
        }
        folderProblem(file).ifPresent(problem -> {
            throw new OutputRefusedException(where, problem, OutputRefusedException.Reason.FOLDER);
        });
        for (InputFile input : inputs) {
            if (sameFile(file, input.file())) {
                throw new OutputRefusedException(where, "is the same file as " + input.role() + " "
                        + input.file() + "; plugnet never overwrites its input (choose another name)",
                        OutputRefusedException.Reason.SAME_AS_INPUT);
            }
        }
        for (OutputTarget other : otherOutputs) {
            if ((sameFile(file, other.file()) || sameName(file, other.file()))) {
                throw new OutputRefusedException(where, "is the same file as " + other.role() + " " + other.file()
                        + "; give each output its own name", OutputRefusedException.Reason.SAME_AS_OUTPUT);
            }
        }
        if (Files.isRegularFile(file) && !kind.recognises(file) && !replaceForeign) {
            throw new OutputRefusedException(where, "exists and is not " + kind.description() + "; plugnet"
                    + " replaces only its own files", OutputRefusedException.Reason.FOREIGN);
        }
    }

    /**
     * @return why the file cannot be made in its folder, checked before any work: the nearest part of its path
     *         that exists is not a folder (a regular file, a device), or is a folder that cannot be written (a
     *         read-only file system); empty when it can (folders that do not exist yet are made)
     */
    static java.util.Optional<String> folderProblem(Path file) {
        Path folder = file.getParent() != null ? file.getParent() : file.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder)) {
            if (FileType.isDanglingLink(folder)) {
                return java.util.Optional.of("cannot be made: " + folder + " is a symbolic link to nothing");
            }
            folder = folder.getParent() != null ? folder.getParent() : folder.toAbsolutePath().getParent();
        }
        if (folder == null) {
            return java.util.Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            return java.util.Optional.of("cannot be made: " + folder + " is "
                    + (Files.isRegularFile(folder) ? "a file" : FileType.describe(folder)) + ", not a folder");
        }
        if (!Files.isWritable(folder)) {
            return java.util.Optional.of("cannot be made: the folder " + folder + " cannot be written"
                    + readOnly(folder));
        }
        return java.util.Optional.empty();
    }

    private static String readOnly(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly() ? " (a read-only file system)" : " (permission denied)";
        } catch (IOException e) {
            return "";
        }
    }

    /** @return whether both paths exist and are one file (links followed, inodes compared) */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean sameName(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
