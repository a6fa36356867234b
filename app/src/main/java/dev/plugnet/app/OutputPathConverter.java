package dev.plugnet.app;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads an output file flag ({@code --out}, {@code --plot}, {@code --schema}): a name that ends with a
 * separator ({@code runs/}) names a folder, not a file, and is refused while the flags are read, before the
 * separator is lost in a {@link Path}; so is an empty name.
 */
final class OutputPathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("an empty file name; give a file name");
        }
        if (value.endsWith("/") || value.endsWith(File.separator)) {
            throw new TypeConversionException("'" + value + "' names a folder (it ends with "
                    + value.charAt(value.length() - 1) + "); give a file name in it");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a file name: " + e.getReason());
        }
    }
}
