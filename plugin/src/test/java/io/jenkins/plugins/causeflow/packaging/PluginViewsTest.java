package io.jenkins.plugins.causeflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Tests the plugin's own views in {@code src/main/resources} against {@link ViewRules} (well-formed Jelly,
 * every {@code field} and {@code help-*.html} bound on the class the view belongs to).
 */
class PluginViewsTest {
    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void shouldHaveAWellFormedPluginDescription() throws IOException {
        assertThat(RESOURCES.resolve("index.jelly")).isRegularFile();
        assertThat(ViewRules.check(RESOURCES, getClass().getClassLoader()))
                .noneMatch(v -> v.startsWith("index.jelly"));
    }

    @Test
    void shouldFollowEveryViewRule() throws IOException {
        assertThat(Files.isDirectory(RESOURCES)).as("run from the plugin module").isTrue();

        assertThat(ViewRules.check(RESOURCES, getClass().getClassLoader())).isEmpty();
    }
}
