package io.jenkins.plugins.causeflow.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * The verdict on one form field, as plain data; the configuration pages turn it into a {@code FormValidation}. Keeping
 * the rules here lets them be tested without Jenkins.
 *
 * @param kind    ok, warning or error
 * @param message the text to show, empty for ok
 */
public record FieldCheck(Kind kind, String message) {
    private static final FieldCheck OK = new FieldCheck(Kind.OK, "");

    /** @return an ok verdict */
    public static FieldCheck ok() {
        return OK;
    }

    /**
     * Checks an endpoint URL.
     *
     * @param value    the URL text
     * @param required whether an empty value is an error (global) or means "use the global value" (step)
     * @return ok, a warning for plain http to a remote host, or an error
     */
    public static FieldCheck endpointUrl(@CheckForNull final String value, final boolean required) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            return required ? error(PluginTexts.format("config.required", PluginTexts.format("config.endpointUrl")))
                    : OK;
        }
        if (!AlertDelivery.isHttpUrl(url)) {
            return error(PluginTexts.format("config.notHttpUrl"));
        }
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        return "http".equalsIgnoreCase(uri.getScheme()) && !local ? warning(PluginTexts.format("config.plainHttp"))
                : OK;
    }

    /**
     * Checks that a value needed for sending is present.
     *
     * @param value      the text
     * @param messageKey the key of the warning in {@code Messages.properties}
     * @return ok, or a warning (saving is still allowed, sending is not)
     */
    public static FieldCheck present(@CheckForNull final String value, final String messageKey) {
        return value == null || value.isBlank() ? warning(PluginTexts.format(messageKey)) : OK;
    }

    /**
     * Checks that a text parses.
     *
     * @param value  the text
     * @param parser the parser, which throws {@link IllegalArgumentException} with a message naming the problem
     * @return ok or the parser's message as an error
     */
    public static FieldCheck parses(@CheckForNull final String value, final Function<String, ?> parser) {
        try {
            parser.apply(value == null ? "" : value.strip());
            return OK;
        }
        catch (IllegalArgumentException e) {
            return error(PluginTexts.format("config.invalid", e.getMessage()));
        }
    }

    /**
     * Checks a whole number in a range; empty is fine (the default applies).
     *
     * @param value the text
     * @param min   smallest allowed
     * @param max   largest allowed
     * @return ok or an error naming the range
     */
    public static FieldCheck range(@CheckForNull final String value, final int min, final int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return OK;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return OK;
            }
        }
        catch (NumberFormatException e) {
            // reported below, with the range
        }
        return error(PluginTexts.format("config.range", min, max));
    }

    private static FieldCheck warning(final String message) {
        return new FieldCheck(Kind.WARNING, message);
    }

    private static FieldCheck error(final String message) {
        return new FieldCheck(Kind.ERROR, message);
    }

    /** The verdicts. */
    public enum Kind {
        OK, WARNING, ERROR
    }
}
