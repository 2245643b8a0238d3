package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvnet.localizer.LocaleProvider;

/** Tests the class {@link PluginTexts} and the {@code Messages.properties} it reads. */
class PluginTextsTest {
    @AfterEach
    void restoreTheDefaultLocaleProvider() {
        LocaleProvider.setProvider(LocaleProvider.DEFAULT);
    }

    private static void viewerLocale(final Locale locale) {
        LocaleProvider.setProvider(new LocaleProvider() {
            @Override
            public Locale get() {
                return locale;
            }
        });
    }

    @Test
    void shouldSpeakTheViewersLanguageWhereATranslationExists() {
        viewerLocale(Locale.GERMANY);

        assertThat(PluginTexts.format("view.status.DUPLICATE")).isEqualTo("Duplikat (bereits zugestellt)");
        assertThat(PluginTexts.format("view.noResponse", 3)).isEqualTo("keine Antwort nach 3 Versuchen");
        assertThat(PluginTexts.format("config.required", "Endpunkt-URL")).isEqualTo("Endpunkt-URL ist erforderlich.");
    }

    @Test
    void shouldFallBackToEnglishForAKeyWithoutTranslationAndForOtherLocales() {
        viewerLocale(Locale.GERMANY);
        assertThat(PluginTexts.format("apiKey")).isEqualTo("API key");

        viewerLocale(Locale.JAPAN);
        assertThat(PluginTexts.format("view.status.DUPLICATE")).isEqualTo("Duplicate (already delivered)");
    }

    @Test
    void shouldHaveOnlyKeysInTheGermanBundleThatTheEnglishOneHas() throws IOException {
        Properties english = messages();
        Properties german = new Properties();
        try (InputStream in = PluginTexts.class.getResourceAsStream(
                "/io/jenkins/plugins/causeflow/Messages_de.properties")) {
            assertThat(in).as("Messages_de.properties on the class path").isNotNull();
            german.load(in);
        }

        assertThat(german.stringPropertyNames()).isNotEmpty().isSubsetOf(english.stringPropertyNames());
        for (String key : german.stringPropertyNames()) {
            assertThatCode(() -> new MessageFormat(german.getProperty(key), Locale.ROOT))
                    .as(key).doesNotThrowAnyException();
        }
    }
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
