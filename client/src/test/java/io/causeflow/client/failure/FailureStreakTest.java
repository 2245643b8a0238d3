package io.causeflow.client.failure;

import static io.causeflow.client.failure.BuildResult.ABORTED;
import static io.causeflow.client.failure.BuildResult.FAILURE;
import static io.causeflow.client.failure.BuildResult.NOT_BUILT;
import static io.causeflow.client.failure.BuildResult.SUCCESS;
import static io.causeflow.client.failure.BuildResult.UNSTABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.failure.FailureStreak.PastBuild;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Tests the class {@link FailureStreak}. */
class FailureStreakTest {
    @Test
    void shouldHaveNoStreakForASuccessfulBuild() {
        assertThat(FailureStreak.firstFailingBuild(10, SUCCESS, List.of(PastBuild.of(9, FAILURE)).iterator()))
                .isEmpty();
    }

    @Test
    void shouldStartANewStreakAfterASuccess() {
        assertThat(streak(10, FAILURE, PastBuild.of(9, SUCCESS), PastBuild.of(8, FAILURE))).hasValue(10);
    }

    @Test
    void shouldReachBackToTheFirstFailingBuild() {
        assertThat(streak(10, FAILURE, PastBuild.of(9, FAILURE), PastBuild.of(8, UNSTABLE), PastBuild.of(7, SUCCESS),
                PastBuild.of(6, FAILURE))).hasValue(8);
    }

    @Test
    void shouldLookPastAbortedNotBuiltAndRunningBuilds() {
        assertThat(streak(10, FAILURE, PastBuild.of(9, ABORTED), PastBuild.of(8, FAILURE), PastBuild.running(7),
                PastBuild.of(6, NOT_BUILT), PastBuild.of(5, FAILURE), PastBuild.of(4, SUCCESS))).hasValue(5);
    }

    @Test
    void shouldNotStartAStreakAtAnAbortedBuild() {
        assertThat(streak(10, FAILURE, PastBuild.of(9, ABORTED), PastBuild.of(8, SUCCESS))).hasValue(10);
    }

    @Test
    void shouldGiveAnAbortedBuildTheStreakItInterrupts() {
        assertThat(streak(10, ABORTED, PastBuild.of(9, FAILURE), PastBuild.of(8, SUCCESS))).hasValue(9);
        assertThat(streak(10, ABORTED, PastBuild.of(9, SUCCESS))).hasValue(10);
    }

    @Test
    void shouldBeTheBuildItselfWithoutHistory() {
        assertThat(streak(1, FAILURE)).hasValue(1);
    }

    @Test
    void shouldIgnorePreviousBuildsThatAreNotOlder() {
        assertThat(streak(10, FAILURE, PastBuild.of(11, FAILURE), PastBuild.of(10, FAILURE), PastBuild.of(9, SUCCESS)))
                .hasValue(10);
    }

    @Test
    void shouldReadAtMostTheLookBackLimitLazily() {
        CountingFailures history = new CountingFailures(1_000);

        OptionalInt first = FailureStreak.firstFailingBuild(1_000, FAILURE, history);

        assertThat(history.read).isEqualTo(FailureStreak.MAX_LOOK_BACK);
        assertThat(first).hasValue(1_000 - FailureStreak.MAX_LOOK_BACK);
    }

    @Test
    void shouldStopReadingAtTheFirstSuccess() {
        CountingFailures history = new CountingFailures(1_000, 995);

        assertThat(FailureStreak.firstFailingBuild(1_000, FAILURE, history)).hasValue(996);
        assertThat(history.read).isEqualTo(5);
    }

    private static OptionalInt streak(final int number, final BuildResult result, final PastBuild... previous) {
        return FailureStreak.firstFailingBuild(number, result, List.of(previous).iterator());
    }

    /** An endless-looking history of failures (optionally one success), counting what is read. */
    private static final class CountingFailures implements Iterator<PastBuild> {
        private int next;
        private final int successAt;
        private int read;

        CountingFailures(final int current) {
            this(current, -1);
        }

        CountingFailures(final int current, final int successAt) {
            this.next = current - 1;
            this.successAt = successAt;
        }

        @Override
        public boolean hasNext() {
            return next >= 1;
        }

        @Override
        public PastBuild next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            read++;
            int number = next--;
            return PastBuild.of(number, number == successAt ? SUCCESS : FAILURE);
        }
    }
}
