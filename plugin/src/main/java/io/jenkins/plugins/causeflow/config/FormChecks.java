package io.jenkins.plugins.causeflow.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import io.jenkins.plugins.causeflow.delivery.AlertDelivery;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * Validation shared by the global configuration, the step and the notifier. Callers check permissions first; these
 * methods only judge values.
 */
public final class FormChecks {
    private FormChecks() {
    }

    /**
     * Checks an endpoint URL.
     *
     * @param value    the URL text
     * @param required whether an empty value is an error (global) or means "use the global value" (step)
     * @return ok, a warning for plain http to a remote host, or an error
     */
    public static FormValidation endpointUrl(@CheckForNull final String value, final boolean required) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            return required ? FormValidation.error(PluginTexts.format("config.required", PluginTexts.format("config.endpointUrl")))
                    : FormValidation.ok();
        }
        if (!AlertDelivery.isHttpUrl(url)) {
            return FormValidation.error(PluginTexts.format("config.notHttpUrl"));
        }
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !local) {
            return FormValidation.warning(PluginTexts.format("config.plainHttp"));
        }
        return FormValidation.ok();
    }

    /**
     * Checks that a text parses.
     *
     * @param value  the text
     * @param parser the parser, which throws {@link IllegalArgumentException} with a message naming the problem
     * @return ok or the parser's message as an error
     */
    public static FormValidation parses(final String value, final Function<String, ?> parser) {
        try {
            parser.apply(value);
            return FormValidation.ok();
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(PluginTexts.format("config.invalid", e.getMessage()));
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
    public static FormValidation range(@CheckForNull final String value, final int min, final int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return FormValidation.ok();
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return FormValidation.ok();
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(PluginTexts.format("config.range", min, max));
    }
}
