package io.jenkins.plugins.causeflow.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.causeflow.client.outbox.OutboxEntry;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One outbox entry as the Manage Jenkins page shows it and the REST API exports it: display-ready texts for the view,
 * plain values for {@code api/json}. Holds no secret and no credential ID (the entry's file has the IDs; an
 * administrator does not need them here, and a dead entry's reason already names a credential that could not be
 * resolved). Every text that comes from the entry's file or from CauseFlow's answer (sourceAlertId, build id, last
 * error, dead reason) is untrusted: the view prints it escaped. Plain Java; tested without Jenkins.
 *
 * <p>Exported with visibility 2, so the entries' fields appear in the page's {@code api/json} without
 * {@code ?depth=1}.
 */
@ExportedBean(defaultVisibility = 2)
public final class OutboxEntryView {
    private final OutboxEntry entry;
    private final BuildLinks links;
    private final Instant now;

    /**
     * Where an entry's job and build are, as far as they still exist.
     *
     * @param jobName     the job's full name, from the entry's build id; null when the entry names no build
     * @param buildNumber the build number, from the entry's build id; null when there is none
     * @param jobPath     the job's URL relative to the Jenkins root (e.g. {@code job/app/}); null when it no longer
     *                    exists
     * @param buildPath   the build's URL relative to the Jenkins root; null when it no longer exists
     * @param rootUrl     the Jenkins root URL ending in {@code /}, for absolute URLs in the REST API; null when unknown
     */
    public record BuildLinks(@CheckForNull String jobName, @CheckForNull Integer buildNumber,
            @CheckForNull String jobPath, @CheckForNull String buildPath, @CheckForNull String rootUrl) {
        /**
         * Splits a Jenkins build id ({@code full/job/name#42}) without looking anything up.
         *
         * @param buildId the entry's build id, or null
         * @return the job name and build number, no links
         */
        public static BuildLinks parse(@CheckForNull final String buildId) {
            if (buildId == null) {
                return new BuildLinks(null, null, null, null, null);
            }
            int hash = buildId.lastIndexOf('#');
            if (hash <= 0) {
                return new BuildLinks(null, null, null, null, null);
            }
            try {
                int number = Integer.parseInt(buildId.substring(hash + 1));
                return new BuildLinks(buildId.substring(0, hash), number, null, null, null);
            }
            catch (NumberFormatException e) {
                return new BuildLinks(null, null, null, null, null);
            }
        }

        /**
         * Adds the links that exist.
         *
         * @param job     the job's relative URL, or null when it is gone
         * @param build   the build's relative URL, or null when it is gone
         * @param root    the root URL, or null
         * @return the same names with links
         */
        public BuildLinks withLinks(@CheckForNull final String job, @CheckForNull final String build,
                @CheckForNull final String root) {
            return new BuildLinks(jobName, buildNumber, job, build, root);
        }
    }

    /**
     * Creates the view.
     *
     * @param entry the entry
     * @param links its job and build
     * @param now   the time ages and due times are shown against
     */
    public OutboxEntryView(final OutboxEntry entry, final BuildLinks links, final Instant now) {
        this.entry = entry;
        this.links = links;
        this.now = now;
    }

    /** @return the entry's id: what "Retry now" and "Discard" name */
    @Exported
    public String getId() {
        return entry.id();
    }

    /** @return {@code PENDING} or {@code DEAD} */
    @Exported
    public String getState() {
        return entry.state().name();
    }

    /** @return the alert's dedup key */
    @Exported
    public String getSourceAlertId() {
        return entry.sourceAlertId();
    }

    /** @return the build the alert is about, as recorded in the entry ({@code job#number}), or null */
    @Exported(skipNull = true)
    @CheckForNull
    public String getBuildId() {
        return entry.buildId();
    }

    /** @return the job's full name, or null when the entry names no build */
    @Exported(skipNull = true)
    @CheckForNull
    public String getJob() {
        return links.jobName();
    }

    /** @return the build number, or null */
    @Exported(skipNull = true)
    @CheckForNull
    public Integer getBuildNumber() {
        return links.buildNumber();
    }

    /** @return the job's absolute URL when it still exists and the root URL is known, else null */
    @Exported(skipNull = true)
    @CheckForNull
    public String getJobUrl() {
        return absolute(links.jobPath());
    }

    /** @return the build's absolute URL when it still exists and the root URL is known, else null */
    @Exported(skipNull = true)
    @CheckForNull
    public String getBuildUrl() {
        return absolute(links.buildPath());
    }

    /** @return when the alert was queued, in milliseconds since the epoch (as Jenkins exports times) */
    @Exported
    public long getQueuedAt() {
        return entry.firstQueuedAt().toEpochMilli();
    }

    /** @return delivery attempts so far */
    @Exported
    public int getAttempts() {
        return entry.attempts();
    }

    /** @return when the sender tries next (milliseconds since the epoch), null for a dead entry */
    @Exported(skipNull = true)
    @CheckForNull
    public Long getNextAttemptAt() {
        return isDead() ? null : entry.nextAttemptAt().toEpochMilli();
    }

    /** @return the last attempt's trouble (redacted by the client), or null */
    @Exported(skipNull = true)
    @CheckForNull
    public String getLastError() {
        return entry.lastError();
    }

    /** @return why the entry was given up, or null when it is pending */
    @Exported(skipNull = true)
    @CheckForNull
    public String getDeadReason() {
        return entry.deadReason();
    }

    /** @return when it was given up (milliseconds since the epoch), or null */
    @Exported(skipNull = true)
    @CheckForNull
    public Long getDeadAt() {
        return entry.deadAt() == null ? null : entry.deadAt().toEpochMilli();
    }

    // ---------------------------------------------------------------- display texts (not exported)

    /** @return whether the entry is dead */
    public boolean isDead() {
        return entry.state() == OutboxEntry.State.DEAD;
    }

    /** @return the job's full name, or "no build recorded" */
    public String getJobText() {
        return links.jobName() == null ? Optional.ofNullable(entry.buildId())
                .orElseGet(() -> PluginTexts.format("outbox.view.noBuild")) : links.jobName();
    }

    /** @return the job's URL relative to the root, or null when it no longer exists (then no link is shown) */
    @CheckForNull
    public String getJobPath() {
        return links.jobPath();
    }

    /** @return e.g. "#42", or empty */
    public String getBuildText() {
        return links.buildNumber() == null ? "" : "#" + links.buildNumber();
    }

    /** @return the build's URL relative to the root, or null when it no longer exists */
    @CheckForNull
    public String getBuildPath() {
        return links.buildPath();
    }

    /** @return how long ago the alert was queued, e.g. "42 min" */
    public String getAgeText() {
        return span(entry.age(now));
    }

    /** @return e.g. "42 min ago" */
    public String getQueuedAgoText() {
        return PluginTexts.format("outbox.view.ago", getAgeText());
    }

    /** @return e.g. "in 2 min 3 sec" or "due now" for a pending entry, empty for a dead one */
    public String getNextAttemptText() {
        if (isDead()) {
            return "";
        }
        Duration wait = Duration.between(now, entry.nextAttemptAt());
        return wait.isNegative() || wait.isZero() ? PluginTexts.format("outbox.view.dueNow")
                : PluginTexts.format("outbox.view.dueIn", span(wait));
    }

    /** @return the dead reason of a dead entry, else the last error, else empty */
    public String getProblemText() {
        String problem = isDead() ? entry.deadReason() : entry.lastError();
        return problem == null ? "" : problem;
    }

    private static String span(final Duration duration) {
        return Util.getTimeSpanString(duration.toMillis());
    }

    @CheckForNull
    private String absolute(@CheckForNull final String path) {
        return path == null || links.rootUrl() == null ? null : links.rootUrl() + path;
    }
}
