package dev.plugnet.core.data;

import dev.plugnet.core.files.BoundedRead;
import dev.plugnet.core.files.IoReasons;
import dev.plugnet.core.files.TooLargeException;
import dev.plugnet.core.text.Printable;
import dev.plugnet.core.text.StrictUtf8;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file with a header row into a {@link CsvTable}, with Jackson's CSV format (quoting and escapes
 * as RFC 4180). Blank lines are skipped and cells are trimmed. A missing or unreadable file, an empty file, a
 * header without rows, a blank or repeated column name, and a row whose length differs from the header's are
 * {@link DataException}s naming the file and line.
 */
public final class CsvTableReader {
    private final CsvMapper mapper = CsvMapper.builder()
            .enable(CsvReadFeature.TRIM_SPACES)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build();
    private final CsvLimits limits;

    /** A reader with the limits of {@link CsvLimits#fromSystemProperties()}. */
    public CsvTableReader() {
        this(CsvLimits.fromSystemProperties());
    }

    /** @param limits the most bytes and rows a CSV file may hold */
    public CsvTableReader(CsvLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads a file (a device or FIFO as a stream), never more than {@link CsvLimits#maxBytes()}.
     */
    public CsvTable read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataException(source, "is a folder, not a CSV file");
        }
        try {
            return read(source, new StringReader(utf8(source, BoundedRead.bytes(file, limits.maxBytes(),
                    new TextOnly(source)))));
        } catch (TooLargeException e) {
            throw tooLarge(source, e);
        } catch (NoSuchFileException e) {
            throw new DataException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new DataException(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + IoReasons.of(e), e);
        }
    }

    /** Reads a stream (for example a resource bundled with an application), closing it. */
    public CsvTable read(String source, InputStream in) {
        try (in) {
            return read(source, new StringReader(utf8(source, BoundedRead.bytes(in, limits.maxBytes(),
                    new TextOnly(source)))));
        } catch (TooLargeException e) {
            throw tooLarge(source, e);
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + IoReasons.of(e), e);
        }
    }

    private static DataException tooLarge(String source, TooLargeException e) {
        return new DataException(source, "the CSV file " + e.describe() + " (raise it with"
                + " -Dplugnet.max-csv-bytes=N)");
    }

    /** Refuses a NUL byte as soon as it is read: a CSV file is text, and NUL is no white space to trim. */
    private static final class TextOnly implements BoundedRead.Inspector {
        private final String source;
        private int line = 1;

        TextOnly(String source) {
            this.source = source;
        }

        @Override
        public void inspect(byte[] bytes, int from, int to, long offset) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == 0) {
                    throw new DataException(source + " line " + line, "holds a NUL byte (byte " + (offset + i - from
                            + 1) + " of the file): not a text CSV file");
                }
                line += bytes[i] == '\n' ? 1 : 0;
            }
        }
    }

    /**
     * @return the bytes as UTF-8 text (a byte-order mark dropped)
     * @throws DataException naming the line of the first byte that is not UTF-8, or a second byte-order mark
     */
    static String utf8(String source, byte[] bytes) {
        StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
        if (!decoded.ok()) {
            int line = 1;
            for (int i = 0; i < decoded.badByte(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new DataException(source + " line " + line, "not UTF-8 text (byte " + (decoded.badByte() + 1)
                    + " of the file); save the CSV as UTF-8");
        }
        String text = decoded.text();
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.startsWith("\uFEFF")) {
            throw new DataException(source + " line 1", "starts with two byte-order marks (U+FEFF); save the CSV as"
                    + " UTF-8 with one at most");
        }
        return text;
    }

    /** Reads CSV text from {@code reader}; {@code source} names it in messages. */
    public CsvTable read(String source, Reader reader) {
        List<String> header = null;
        int headerLine = 1;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        // without a schema each CSV row is an array of strings; the first cell's location is the row's line
        try (JsonParser parser = mapper.createParser(reader)) {
            List<String> cells = new ArrayList<>();
            int line = -1;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    cells.clear();
                    line = -1;
                } else if (token == JsonToken.END_ARRAY) {
                    if (header == null) {
                        headerLine = Math.max(line, 1);
                        header = header(source + " line " + headerLine, cells);
                    } else if (!(cells.size() == 1 && cells.get(0).isEmpty())) { // a line of spaces
                        if (cells.size() != header.size()) {
                            throw new DataException(source + " line " + line, "has " + cells.size() + " value"
                                    + (cells.size() == 1 ? "" : "s") + ", but the header has " + header.size()
                                    + " columns");
                        }
                        if (rows.size() >= limits.maxRows()) {
                            throw new DataException(source + " line " + line, String.format(java.util.Locale.ROOT,
                                    "the CSV file has more than %,d data rows, the limit (raise it with"
                                            + " -Dplugnet.max-csv-rows=N)", limits.maxRows()));
                        }
                        rows.add(cells.toArray(String[]::new));
                        lines.add(line);
                    }
                } else {
                    if (line < 0) {
                        TokenStreamLocation at = parser.currentTokenLocation();
                        line = at == null ? rows.size() + 2 : at.getLineNr();
                    }
                    cells.add(parser.getString());
                }
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw new DataException(source + (at == null ? "" : " line " + at.getLineNr()),
                    "malformed CSV: " + (newline < 0 ? message : message.substring(0, newline)), e);
        }
        if (header == null) {
            throw new DataException(source + " line 1", "is empty; expected a header row and data rows");
        }
        if (rows.isEmpty()) {
            throw new DataException(source + " line " + headerLine, "has a header but no data rows");
        }
        return new CsvTable(source, header, rows, lines.stream().mapToInt(Integer::intValue).toArray(), headerLine);
    }

    private static List<String> header(String where, List<String> cells) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isEmpty()) {
                throw new DataException(where, "column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(cells.get(i))) {
                throw new DataException(where, "column name " + Printable.quoted(cells.get(i)) + " appears twice");
            }
        }
        return List.copyOf(cells);
    }
}
