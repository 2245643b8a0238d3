package io.causeflow.client.investigation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests that the stream token stays out of text: {@link StreamToken}, {@link StreamSettings}, the service. */
class StreamTokenSecrecyTest {
    private static final String TOKEN = "cfst_secret_51e2b7";

    @TempDir
    Path directory;

    @Test
    void shouldMaskTheTokenInToString() {
        StreamSettings settings = StreamSettings.of(URI.create("http://127.0.0.1:1"), "acme", StreamToken.of(TOKEN));

        assertThat(StreamToken.of(TOKEN)).hasToString("StreamToken[****]");
        assertThat(settings.toString()).doesNotContain(TOKEN).contains("StreamToken[****]");
        assertThat(settings.streamIdentity()).doesNotContain(TOKEN);
    }

    @Test
    void shouldCompareTokensByValueWithoutRevealingThem() {
        assertThat(StreamToken.of(TOKEN)).isEqualTo(StreamToken.of(" " + TOKEN + " "))
                .isNotEqualTo(StreamToken.of(TOKEN + "x"));
        assertThat(StreamToken.of(TOKEN).hashCode()).isEqualTo(StreamToken.of("other").hashCode());
    }

    @Test
    void shouldRejectABlankTokenWithoutEchoingIt() {
        assertThatThrownBy(() -> StreamToken.of("   ")).hasMessage("the stream token is blank");
    }

    @Test
    void shouldKeepTheTokenOutOfTheStatusAfterARefusedConnection() throws Exception {
        try (InvestigationUpdates updates = InvestigationUpdates.create(directory, (target, incident, change) ->
                Optional.empty(), Clock.systemUTC())) {
            // Nothing listens on port 1: the attempt fails at once and the reason is recorded.
            updates.configure(Optional.of(StreamSettings.of(URI.create("http://127.0.0.1:1/" + TOKEN), "acme",
                    StreamToken.of(TOKEN))));
            for (int i = 0; i < 200 && updates.status().message().isEmpty(); i++) {
                Thread.sleep(25);
            }

            assertThat(updates.status().message()).isNotEmpty().doesNotContain(TOKEN);
            assertThat(updates.status().toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void shouldRevealTheTokenOnlyWhereTheStreamClientIsBuilt() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.causeflow.client");

        noClasses().that().doNotHaveFullyQualifiedName(StreamSettings.class.getName())
                .and().doNotHaveFullyQualifiedName(StreamProbe.class.getName())
                .and().doNotHaveFullyQualifiedName(InvestigationUpdates.class.getName() + "$Connection")
                .and().doNotHaveFullyQualifiedName(StreamToken.class.getName())
                .should().callMethod(StreamToken.class, "reveal")
                .check(main);
    }
}
