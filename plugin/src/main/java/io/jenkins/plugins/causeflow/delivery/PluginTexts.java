package io.jenkins.plugins.causeflow.delivery;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The plugin's user-facing texts (build-log lines, validation messages, display names), read from
 * {@code io/jenkins/plugins/causeflow/Messages.properties}. Properties only (never a class lookup), so the bundle
 * works with or without a generated {@code Messages} class, and plain code and tests need no Jenkins.
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
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(),
                PluginTexts.class.getClassLoader(),
                ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
