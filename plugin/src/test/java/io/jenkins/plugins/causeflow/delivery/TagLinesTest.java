package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests the class {@link TagLines}. */
class TagLinesTest {
    @Test
    void shouldParseOneTagPerLineIgnoringBlanksAndComments() {
        assertThat(TagLines.parse("team = payments\n\n# a comment\nregion=eu-west-1\r\n"))
                .containsExactly(Map.entry("team", "payments"), Map.entry("region", "eu-west-1"));
    }

    @Test
    void shouldKeepEqualsSignsInTheValue() {
        assertThat(TagLines.parse("query=a=b")).containsEntry("query", "a=b");
    }

    @Test
    void shouldNameTheLineOfATagWithoutKey() {
        assertThatThrownBy(() -> TagLines.parse("team=payments\n=nokey"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void shouldRejectALineWithoutEqualsSign() {
        assertThatThrownBy(() -> TagLines.parse("team payments")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key=value");
    }
}
