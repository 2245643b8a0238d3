package io.jenkins.plugins.causeflow.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the class {@link TestResultsReader}. */
class TestResultsReaderTest {
    @Test
    void shouldTurnJunitsInnermostFirstStageNamesIntoAnOutermostFirstPath() {
        // junit's CaseResult.getEnclosingFlowNodeNames(): the parallel branch first, then its stage.
        List<String> innermostFirst = List.of("linux", "Test");

        assertThat(TestResultsReader.outermostFirst(innermostFirst)).containsExactly("Test", "linux");
        assertThat(innermostFirst).containsExactly("linux", "Test");
    }

    @Test
    void shouldKeepAnEmptyPathEmpty() {
        assertThat(TestResultsReader.outermostFirst(List.of())).isEmpty();
    }
}
