package dev.plugnet.core.data;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.TRIM_SPACES)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build();

    /** Reads a file. */
    public CsvTable read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataException(source, "is a folder, not a CSV file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(source, reader);
        } catch (NoSuchFileException e) {
            throw new DataException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new DataException(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a stream (for example a resource bundled with an application), closing it. */
    public CsvTable read(String source, InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(source, reader);
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads CSV text from {@code reader}; {@code source} names it in messages. */
    public CsvTable read(String source, Reader reader) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                int line = line(it.currentLocation(), rows.size() + 2);
                if (header == null) {
                    header = header(source, cells);
                    continue;
                }
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a line of spaces
                }
                if (cells.length != header.size()) {
                    throw new DataException(source + " line " + line, "has " + cells.length + " value"
                            + (cells.length == 1 ? "" : "s") + ", but the header has " + header.size() + " columns");
                }
                rows.add(cells);
                lines.add(line);
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw new DataException(source + (at == null ? "" : " line " + at.getLineNr()),
                    "malformed CSV: " + (newline < 0 ? message : message.substring(0, newline)), e);
        }
        if (header == null) {
            throw new DataException(source, "is empty; expected a header row and data rows");
        }
        if (rows.isEmpty()) {
            throw new DataException(source, "has a header but no data rows");
        }
        return new CsvTable(source, header, rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int line(TokenStreamLocation at, int fallback) {
        // after a row has been read the parser stands at the start of the next line
        return at == null || at.getLineNr() < 2 ? fallback : at.getLineNr() - 1;
    }

    private static List<String> header(String source, String[] cells) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].isEmpty()) {
                throw new DataException(source + " line 1", "column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(cells[i])) {
                throw new DataException(source + " line 1", "column name \"" + cells[i] + "\" appears twice");
            }
        }
        return List.of(cells);
    }
}
