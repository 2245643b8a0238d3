package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Tests the class {@link PluginTexts} and the {@code Messages.properties} it reads. */
class PluginTextsTest {
    private static Properties messages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PluginTexts.class.getResourceAsStream("/io/jenkins/plugins/causeflow/Messages.properties")) {
            assertThat(in).as("Messages.properties on the class path").isNotNull();
            properties.load(in);
        }
        return properties;
    }

    @Test
    void shouldHaveAValidMessageFormatPatternForEveryKey() throws IOException {
        Properties messages = messages();

        assertThat(messages).isNotEmpty();
        for (String key : messages.stringPropertyNames()) {
            assertThatCode(() -> new MessageFormat(messages.getProperty(key), Locale.ROOT))
                    .as(key).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldFormatArgumentsAndQuotedBraces() {
        assertThat(PluginTexts.format("credentialMissing", "API key", "my-id"))
                .isEqualTo("the API key credential 'my-id' was not found or is not visible to this build.");
        assertThat(PluginTexts.format("config.expressionId")).contains("${...}");
    }

    @Test
    void shouldChooseSingularAndPluralAttempts() {
        assertThat(PluginTexts.format("view.noResponse", 1)).isEqualTo("no response after 1 attempt");
        assertThat(PluginTexts.format("view.http", 503, 3)).isEqualTo("HTTP 503 after 3 attempts");
    }
}
