package io.jenkins.plugins.causeflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.SignatureFormat;
import io.causeflow.client.outbox.OutboxEntry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Tests the class {@link OutboxEntryView}. */
class OutboxEntryViewTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant QUEUED = NOW.minus(Duration.ofMinutes(42));

    private static OutboxEntry pending(final String buildId, final Instant next, final String lastError) {
        return new OutboxEntry("0000000000001-000001-0000abcd", OutboxEntry.State.PENDING,
                URI.create("https://api.causeflow.ai/v1/webhooks/t1/custom"), "t1", "ci:folder/app#42",
                SignatureFormat.PREFIXED, "cf-api-key", "cf-webhook-secret", buildId, QUEUED, QUEUED, 7, next,
                lastError, null, null, 512, 7);
    }

    private static OutboxEntry dead(final String buildId, final String reason) {
        return new OutboxEntry("0000000000002-000002-0000abce", OutboxEntry.State.DEAD,
                URI.create("https://api.causeflow.ai/v1/webhooks/t1/custom"), "t1", "ci:gone#1",
                SignatureFormat.PREFIXED, "cf-api-key", "cf-webhook-secret", buildId, QUEUED, QUEUED, 1, QUEUED,
                "HTTP 401", reason, NOW.minusSeconds(30), 512, 2);
    }

    @Test
    void shouldShowAPendingEntryWithLinksToItsJobAndBuild() {
        OutboxEntryView.BuildLinks links = OutboxEntryView.BuildLinks.parse("folder/app#42")
                .withLinks("job/folder/job/app/", "job/folder/job/app/42/", "http://ci.example.com/");
        OutboxEntryView view = new OutboxEntryView(pending("folder/app#42", NOW.plusSeconds(125),
                "connection refused"), links, NOW);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(view.getState()).isEqualTo("PENDING");
        softly.assertThat(view.isDead()).isFalse();
        softly.assertThat(view.getJob()).isEqualTo("folder/app");
        softly.assertThat(view.getJobText()).isEqualTo("folder/app");
        softly.assertThat(view.getBuildNumber()).isEqualTo(42);
        softly.assertThat(view.getBuildText()).isEqualTo("#42");
        softly.assertThat(view.getJobPath()).isEqualTo("job/folder/job/app/");
        softly.assertThat(view.getBuildPath()).isEqualTo("job/folder/job/app/42/");
        softly.assertThat(view.getJobUrl()).isEqualTo("http://ci.example.com/job/folder/job/app/");
        softly.assertThat(view.getBuildUrl()).isEqualTo("http://ci.example.com/job/folder/job/app/42/");
        softly.assertThat(view.getSourceAlertId()).isEqualTo("ci:folder/app#42");
        softly.assertThat(view.getAgeText()).isEqualTo("42 min");
        softly.assertThat(view.getAttempts()).isEqualTo(7);
        softly.assertThat(view.getNextAttemptText()).isEqualTo("in 2 min 5 sec");
        softly.assertThat(view.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(125).toEpochMilli());
        softly.assertThat(view.getProblemText()).isEqualTo("connection refused");
        softly.assertThat(view.getLastError()).isEqualTo("connection refused");
        softly.assertThat(view.getDeadReason()).isNull();
        softly.assertThat(view.getDeadAt()).isNull();
        softly.assertThat(view.getQueuedAt()).isEqualTo(QUEUED.toEpochMilli());
        softly.assertAll();
    }

    @Test
    void shouldSayDueNowWhenTheNextAttemptIsPast() {
        OutboxEntryView view = new OutboxEntryView(pending("app#1", NOW.minusSeconds(1), null),
                OutboxEntryView.BuildLinks.parse("app#1"), NOW);

        assertThat(view.getNextAttemptText()).isEqualTo("due now");
        assertThat(view.getProblemText()).isEmpty();
    }

    @Test
    void shouldShowADeadEntryWithItsReasonAndNoLinksWhenTheBuildIsGone() {
        OutboxEntryView view = new OutboxEntryView(dead("gone#1", "HTTP 401: invalid API key"),
                OutboxEntryView.BuildLinks.parse("gone#1"), NOW);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(view.isDead()).isTrue();
        softly.assertThat(view.getJobText()).isEqualTo("gone");
        softly.assertThat(view.getJobPath()).isNull();
        softly.assertThat(view.getBuildPath()).isNull();
        softly.assertThat(view.getJobUrl()).isNull();
        softly.assertThat(view.getProblemText()).isEqualTo("HTTP 401: invalid API key");
        softly.assertThat(view.getNextAttemptText()).isEmpty();
        softly.assertThat(view.getNextAttemptAt()).isNull();
        softly.assertThat(view.getDeadAt()).isEqualTo(NOW.minusSeconds(30).toEpochMilli());
        softly.assertThat(view.getQueuedAgoText()).isEqualTo("42 min ago");
        softly.assertAll();
    }

    @Test
    void shouldShowTheRawBuildIdWhenItIsNotAJenkinsBuildId() {
        OutboxEntryView view = new OutboxEntryView(dead("<b>not a build</b>", "gone"),
                OutboxEntryView.BuildLinks.parse("<b>not a build</b>"), NOW);

        assertThat(view.getJob()).isNull();
        assertThat(view.getBuildNumber()).isNull();
        assertThat(view.getJobText()).isEqualTo("<b>not a build</b>");
        assertThat(view.getBuildText()).isEmpty();
    }

    @Test
    void shouldSayWhenAnEntryNamesNoBuild() {
        OutboxEntryView view = new OutboxEntryView(dead(null, "no build"), OutboxEntryView.BuildLinks.parse(null),
                NOW);

        assertThat(view.getJobText()).isEqualTo("no build recorded");
        assertThat(view.getBuildId()).isNull();
    }

    @Test
    void shouldGiveNoAbsoluteUrlWithoutARootUrl() {
        OutboxEntryView.BuildLinks links = OutboxEntryView.BuildLinks.parse("app#3")
                .withLinks("job/app/", "job/app/3/", null);
        OutboxEntryView view = new OutboxEntryView(pending("app#3", NOW, null), links, NOW);

        assertThat(view.getJobPath()).isEqualTo("job/app/");
        assertThat(view.getJobUrl()).isNull();
    }
}
