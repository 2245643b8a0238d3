package io.jenkins.plugins.causeflow.delivery;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jvnet.localizer.LocaleProvider;

/**
 * The plugin's user-facing texts (build-log lines, validation messages, display names), read from
 * {@code io/jenkins/plugins/causeflow/Messages.properties} and its translations. Properties only (never a class
 * lookup), so the bundle works with or without a generated {@code Messages} class, and plain code and tests need no
 * Jenkins. The locale is localizer's {@link LocaleProvider}, the same one the generated {@code Messages} class uses:
 * inside Jenkins it is the viewer's (the current request's) locale, so a form check or the build page speaks the
 * viewer's language; without a request (a build-log line) it is the controller's default locale.
 */
public final class PluginTexts {
    private static final String BUNDLE = "io.jenkins.plugins.causeflow.Messages";

    private PluginTexts() {
    }

    /**
     * Formats one message.
     *
     * @param key  the key in {@code Messages.properties}
     * @param args the {@link MessageFormat} arguments
     * @return the formatted text
     */
    public static String format(final String key, final Object... args) {
        Locale locale = LocaleProvider.getLocale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, PluginTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
