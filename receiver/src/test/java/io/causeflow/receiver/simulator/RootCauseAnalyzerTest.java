package io.causeflow.receiver.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests the class {@link RootCauseAnalyzer}. */
class RootCauseAnalyzerTest {
    @Test
    void shouldPreferAnExceptionLineFromTheLogExcerpt() {
        Analysis analysis = RootCauseAnalyzer.analyze("Build failed", "The build failed.",
                "{\"logExcerpt\":\"[INFO] compiling\\njava.lang.OutOfMemoryError: Java heap space\\n\\tat x\"}");

        assertThat(analysis.rootCause()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(analysis.confidence()).isEqualTo(0.82);
        assertThat(analysis.recommendedActions()).anySatisfy(a -> assertThat(a).contains("memory"));
    }

    @Test
    void shouldReadLogLinesFromNestedListsUnderLogKeys() {
        Analysis analysis = RootCauseAnalyzer.analyze("t", "nothing here",
                "{\"failure\":{\"log\":[\"ok\",\"Connection refused: db:5432\"]}}");

        assertThat(analysis.rootCause()).isEqualTo("Connection refused: db:5432");
        assertThat(analysis.confidence()).isEqualTo(0.64);
    }

    @Test
    void shouldFallBackToTheDescriptionThenTheTitle() {
        assertThat(RootCauseAnalyzer.analyze("t", "line one\n  ERROR: disk full  \n", "{}").rootCause())
                .isEqualTo("ERROR: disk full");
        Analysis none = RootCauseAnalyzer.analyze("Queue backlog", "consumers are healthy", "{}");
        assertThat(none.rootCause()).isEqualTo("Queue backlog");
        assertThat(none.confidence()).isEqualTo(0.35);
    }

    @Test
    void shouldIgnoreStringsOutsideLogKeysAndShortenLongLines() {
        Analysis analysis = RootCauseAnalyzer.analyze("t", "Error " + "x".repeat(1000),
                "{\"note\":\"FATAL elsewhere\"}");

        assertThat(analysis.rootCause()).startsWith("Error ").hasSize(500);
    }
}
