package io.causeflow.receiver.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 0} or ISO-8601 ({@code PT30S}). */
final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    static Duration parse(String setting, String text) throws ConfigException {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (DateTimeParseException e) {
            throw new ConfigException(setting + " must be a duration such as 500ms, 30s, 2m or PT30S, was '" + text
                    + "'");
        }
    }
}
