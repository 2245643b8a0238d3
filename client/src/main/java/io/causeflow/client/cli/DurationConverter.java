package io.causeflow.client.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads {@code 30}, {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT30S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(final String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), value);
            }
            if (text.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2))), value);
            }
            if (text.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1))), value);
            }
            if (text.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1))), value);
            }
            if (text.endsWith("h")) {
                return positive(Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1))), value);
            }
            return positive(Duration.ofSeconds(Long.parseLong(text)), value);
        }
        catch (NumberFormatException | DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 500ms, 2m)");
        }
    }

    private static Duration positive(final Duration duration, final String value) {
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
        }
        return duration;
    }
}
