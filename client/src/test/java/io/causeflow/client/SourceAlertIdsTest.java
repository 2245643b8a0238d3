package io.causeflow.client;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link SourceAlertIds}. */
class SourceAlertIdsTest {
    private static final String CONTROLLER = "https://jenkins.example.com/";

    @Test
    void shouldFollowTheDocumentedFormat() {
        String id = SourceAlertIds.forBuild(CONTROLLER, "team/payments/main", 42);

        assertThat(id).matches("cf1-[0-9a-f]{12}-b42-team\\.payments\\.main-[0-9a-f]{12}");
        assertThat(SourceAlertIds.forStreak(CONTROLLER, "team/payments/main", 40))
                .matches("cf1-[0-9a-f]{12}-s40-team\\.payments\\.main-[0-9a-f]{12}");
        assertThat(SourceAlertIds.forScope(CONTROLLER, "team/payments/main", "nightly db"))
                .matches("cf1-[0-9a-f]{12}-x-team\\.payments\\.main\\.nightly-db-[0-9a-f]{12}");
    }

    @Test
    void shouldBeDeterministic() {
        assertThat(SourceAlertIds.forBuild(CONTROLLER, "job", 7)).isEqualTo(SourceAlertIds.forBuild(CONTROLLER, "job", 7));
    }

    @Test
    void shouldDifferBetweenControllersJobsBuildsAndKinds() {
        Set<String> ids = new HashSet<>();
        ids.add(SourceAlertIds.forBuild(CONTROLLER, "job", 7));
        ids.add(SourceAlertIds.forBuild("https://other.example.com/", "job", 7));
        ids.add(SourceAlertIds.forBuild(CONTROLLER, "Job", 7));
        ids.add(SourceAlertIds.forBuild(CONTROLLER, "job", 8));
        ids.add(SourceAlertIds.forStreak(CONTROLLER, "job", 7));
        ids.add(SourceAlertIds.forScope(CONTROLLER, "job", "7"));

        assertThat(ids).hasSize(6);
    }

    @Test
    void shouldStayUniqueWhenNamesShareASlug() {
        assertThat(SourceAlertIds.forBuild(CONTROLLER, "a b", 1)).isNotEqualTo(SourceAlertIds.forBuild(CONTROLLER, "a-b", 1));
        assertThat(SourceAlertIds.forScope(CONTROLLER, "job", "x y"))
                .isNotEqualTo(SourceAlertIds.forScope(CONTROLLER, "job", "x/y"));
    }

    @Test
    void shouldStayBoundedSafeAndUniqueForVeryLongNames() {
        String longName = "folder/".repeat(40) + "job";
        String first = SourceAlertIds.forBuild(CONTROLLER, longName + "1", Integer.MAX_VALUE);
        String second = SourceAlertIds.forBuild(CONTROLLER, longName + "2", Integer.MAX_VALUE);
        String scoped = SourceAlertIds.forScope(CONTROLLER, longName, "s".repeat(500));

        assertThat(first).hasSizeLessThanOrEqualTo(SourceAlertIds.MAX_LENGTH).matches("[A-Za-z0-9._-]+");
        assertThat(scoped).hasSizeLessThanOrEqualTo(SourceAlertIds.MAX_LENGTH).matches("[A-Za-z0-9._-]+")
                .contains(".sss");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldMakeUnsafeCharactersSafe() {
        String id = SourceAlertIds.forBuild(CONTROLLER, "Équipe/job ünïcode\n%2F../x", 3);

        assertThat(id).matches("[A-Za-z0-9._-]+").contains("-quipe.job-n-code-2F.x-");
    }

    @Test
    void shouldUseAPlaceholderWhenNothingReadableIsLeft() {
        assertThat(SourceAlertIds.forBuild(CONTROLLER, "日本", 1)).matches("cf1-[0-9a-f]{12}-b1-job-[0-9a-f]{12}");
    }

    @Test
    void shouldNameTheInvalidArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> SourceAlertIds.forBuild(" ", "job", 1))
                .withMessage("controllerId must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> SourceAlertIds.forBuild(CONTROLLER, "", 1))
                .withMessage("jobFullName must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> SourceAlertIds.forBuild(CONTROLLER, "job", 0))
                .withMessage("buildNumber must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> SourceAlertIds.forStreak(CONTROLLER, "job", -1))
                .withMessage("firstFailingBuildNumber must be at least 1, was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> SourceAlertIds.forScope(CONTROLLER, "job", ""))
                .withMessage("scope must not be blank");
    }
}
