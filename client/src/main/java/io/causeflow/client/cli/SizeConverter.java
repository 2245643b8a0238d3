package io.causeflow.client.cli;

import picocli.CommandLine;

import java.util.Locale;

/** Reads a size such as {@code 4096}, {@code 64k} or {@code 1m} (k = 1024, m = 1024²) into an int. */
final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(final String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (text.endsWith("k")) {
            factor = 1024;
            text = text.substring(0, text.length() - 1);
        }
        else if (text.endsWith("m")) {
            factor = 1024 * 1024;
            text = text.substring(0, text.length() - 1);
        }
        long size;
        try {
            size = Long.parseLong(text) * factor;
        }
        catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size such as 4096, 64k or 1m");
        }
        if (size < 16 || size > Integer.MAX_VALUE / 2) {
            throw new CommandLine.TypeConversionException("size must be between 16 and 1g, was '" + value + "'");
        }
        return (int) size;
    }
}
