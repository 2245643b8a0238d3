package io.jenkins.plugins.causeflow.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Api;
import hudson.model.Job;
import hudson.model.ManagementLink;
import hudson.model.Run;
import hudson.security.Permission;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.management.Badge;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Manage Jenkins > CauseFlow outbox ({@code /manage/causeflow-outbox/}): the pending and dead entries of the
 * controller's outbox with "Retry now" and "Discard", and the same list in the REST API
 * ({@code /manage/causeflow-outbox/api/json}). Overall/Administer only, for the page, the API and every action
 * ({@link #getTarget()} checks before Stapler dispatches anything); the actions are POST only.
 */
@Extension
@ExportedBean
public final class OutboxLink extends ManagementLink implements StaplerProxy {
    /** The page's URL name below {@code /manage/}. */
    static final String URL_NAME = "causeflow-outbox";
    /** The page's URL relative to the Jenkins root. */
    static final String URL = "manage/" + URL_NAME + "/";
    /**
     * At most this many entries per list, oldest first: each row looks its job and build up, and an outbox can hold
     * 10,000 entries. The counts are always complete; "Retry all now" and "Discard all dead" act on every entry.
     */
    static final int LIST_LIMIT = 500;

    private static final Logger LOGGER = Logger.getLogger(OutboxLink.class.getName());

    @Override
    public String getIconFileName() {
        return "symbol-paper-plane-outline";
    }

    @Override
    public String getDisplayName() {
        return PluginTexts.format("outbox.page.displayName");
    }

    @Override
    public String getDescription() {
        return PluginTexts.format("outbox.page.description");
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Troubleshooting, next to "Manage Old Data": the page matters when delivery goes wrong, and repairs it. */
    @Override
    public Category getCategory() {
        return Category.TROUBLESHOOTING;
    }

    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    /** @return the number of dead alerts (red) or of waiting alerts when they wait too long (yellow), else none */
    @Override
    @CheckForNull
    public Badge getBadge() {
        OutboxHealth health = OutboxMonitor.health();
        if (health.deadEntries() > 0) {
            String text = PluginTexts.format("outbox.badge.dead", health.deadEntries());
            return new Badge(String.valueOf(health.deadEntries()), text, Badge.Severity.DANGER);
        }
        if (health.isOverdue()) {
            String text = PluginTexts.format("outbox.badge.pending", health.pendingEntries());
            return new Badge(String.valueOf(health.pendingEntries()), text, Badge.Severity.WARNING);
        }
        return null;
    }

    /** Refuses everyone without Overall/Administer (403) before the page, the API or an action is reached. */
    @Override
    public Object getTarget() {
        JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
        return this;
    }

    /** @return the REST API of this page ({@code api/json}, {@code api/xml}) */
    public Api getApi() {
        return new Api(this);
    }

    /** @return whether the outbox is open (if not, alerts are sent synchronously and nothing is listed) */
    @Exported
    public boolean isAvailable() {
        return PluginOutbox.get().isPresent();
    }

    /** @return how many alerts wait for the sender */
    @Exported
    public int getPendingCount() {
        return PluginOutbox.get().map(outbox -> outbox.stats().pendingEntries()).orElse(0);
    }

    /** @return how many alerts were given up */
    @Exported
    public int getDeadCount() {
        return PluginOutbox.get().map(outbox -> outbox.stats().deadEntries()).orElse(0);
    }

    /** @return the most entries each list shows */
    @Exported
    public int getListLimit() {
        return LIST_LIMIT;
    }

    /** @return the pending entries, oldest first, at most {@link #LIST_LIMIT} */
    @Exported
    public List<OutboxEntryView> getPending() {
        return views(PluginOutbox.get().map(Outbox::pending).orElse(List.of()));
    }

    /** @return the dead entries, oldest first, at most {@link #LIST_LIMIT} */
    @Exported
    public List<OutboxEntryView> getDead() {
        return views(PluginOutbox.get().map(Outbox::dead).orElse(List.of()));
    }

    /** @return the notice shown when the outbox is not open */
    public String getNotOpenText() {
        return PluginTexts.format("outbox.page.notOpen");
    }

    /** @return what dead entries are and what to do about them */
    public String getDeadText() {
        return PluginTexts.format("outbox.page.dead");
    }

    /** @return the note shown when a list is cut at {@link #LIST_LIMIT} */
    public String getLimitText() {
        return PluginTexts.format("outbox.page.limit", LIST_LIMIT);
    }

    private static List<OutboxEntryView> views(final List<OutboxEntry> entries) {
        Instant now = Instant.now();
        String root = JenkinsFacade.jenkins().getRootUrl();
        Map<String, Optional<Job<?, ?>>> jobs = new HashMap<>();
        return entries.stream().limit(LIST_LIMIT)
                .map(entry -> new OutboxEntryView(entry, links(entry, jobs, root), now))
                .toList();
    }

    /** Looks up an entry's job and build (as the administrator viewing the page); gone ones get no link. */
    private static OutboxEntryView.BuildLinks links(final OutboxEntry entry,
            final Map<String, Optional<Job<?, ?>>> jobs, @CheckForNull final String root) {
        OutboxEntryView.BuildLinks names = OutboxEntryView.BuildLinks.parse(entry.buildId());
        if (names.jobName() == null) {
            return names;
        }
        Optional<Job<?, ?>> job = jobs.computeIfAbsent(names.jobName(),
                name -> Optional.ofNullable(JenkinsFacade.jenkins().getItemByFullName(name, Job.class)));
        if (job.isEmpty()) {
            return names;
        }
        Run<?, ?> run = names.buildNumber() == null ? null : job.get().getBuildByNumber(names.buildNumber());
        return names.withLinks(job.get().getUrl(), run == null ? null : run.getUrl(), root);
    }

    /**
     * Retry now: makes a pending entry due at once, or moves a dead one back to pending with a fresh maximum age.
     * An entry that is gone meanwhile (delivered, discarded) is no error: the page shows what is left.
     *
     * @param id the entry id
     * @return back to the page
     */
    @RequirePOST
    public HttpResponse doRetry(@QueryParameter final String id) {
        return act(outbox -> outbox.retryNow(id), "retry " + id);
    }

    /**
     * Retry all now: every pending and dead entry.
     *
     * @return back to the page
     */
    @RequirePOST
    public HttpResponse doRetryAll() {
        return act(Outbox::retryAllNow, "retry all");
    }

    /**
     * Discard: deletes one entry, pending or dead, for good.
     *
     * @param id the entry id
     * @return back to the page
     */
    @RequirePOST
    public HttpResponse doDiscard(@QueryParameter final String id) {
        return act(outbox -> outbox.discard(id), "discard " + id);
    }

    /**
     * Discard all dead: deletes every dead entry for good; pending ones stay.
     *
     * @return back to the page
     */
    @RequirePOST
    public HttpResponse doDiscardDead() {
        return act(outbox -> {
            for (OutboxEntry entry : outbox.dead()) {
                outbox.discard(entry.id());
            }
            return null;
        }, "discard all dead");
    }

    /** An operation on the outbox. */
    @FunctionalInterface
    private interface Operation {
        @CheckForNull
        Object apply(Outbox outbox) throws IOException;
    }

    private static HttpResponse act(final Operation operation, final String what) {
        // getTarget() checked already; checked again so no future route around it can reach an action.
        JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
        Optional<Outbox> outbox = PluginOutbox.get();
        if (outbox.isEmpty()) {
            return HttpResponses.errorWithoutStack(503, PluginTexts.format("outbox.page.notOpen"));
        }
        try {
            operation.apply(outbox.get());
        }
        catch (IOException e) {
            LOGGER.log(Level.WARNING, "CauseFlow outbox: " + what + " failed", e);
            return HttpResponses.errorWithoutStack(500, e.getMessage());
        }
        return HttpResponses.redirectToDot();
    }
}
