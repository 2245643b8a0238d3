package io.jenkins.plugins.causeflow.delivery;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The user-facing texts of this package, read from {@code Messages.properties} next to it. Properties only (never a
 * class lookup), so the bundle works with or without a generated {@code Messages} class and needs no Jenkins.
 */
final class LogTexts {
    private static final String BUNDLE = "io.jenkins.plugins.causeflow.delivery.Messages";

    private LogTexts() {
    }

    /**
     * Formats one message.
     *
     * @param key  the key in {@code Messages.properties}
     * @param args the {@link MessageFormat} arguments
     * @return the formatted text
     */
    static String format(final String key, final Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(),
                LogTexts.class.getClassLoader(),
                ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
