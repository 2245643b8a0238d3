package io.jenkins.plugins.causeflow.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.causeflow.client.investigation.InvestigationTimeline;
import io.jenkins.plugins.causeflow.investigation.LiveUpdates;
import io.jenkins.plugins.causeflow.investigation.StoredTimeline;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The CauseFlow outcomes of one build, persisted with it, shown on the build page ({@code summary.jelly}) and at
 * {@code .../causeflow/} ({@code index.jelly}), and exported to the REST API ({@code .../api/json}). One action per
 * build, holding every alert sent for it (a step may be called more than once).
 */
@ExportedBean
public class CauseFlowAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(CauseFlowAction.class.getName());

    private final List<AlertRecord> records = new ArrayList<>();
    /** Investigation timelines by incident, oldest incident first; null in build.xml written before they existed. */
    @CheckForNull
    private List<StoredTimeline> timelines;
    @CheckForNull
    private transient Run<?, ?> run;

    /**
     * Adds a report to a build's action (creating it on first use) and saves the build.
     *
     * @param run     the build
     * @param report  the outcome
     * @param trigger step, notifier or automatic
     */
    public static void record(final Run<?, ?> run, final DeliveryReport report, final String trigger) {
        synchronized (run) {
            CauseFlowAction action = run.getAction(CauseFlowAction.class);
            if (action == null) {
                action = new CauseFlowAction();
                run.addAction(action);
            }
            action.add(AlertRecord.of(report, trigger));
            if (report.isDelivered() && report.incidentId().isPresent()
                    && action.timeline(report.incidentId().get()).isEmpty()) {
                action.putTimeline(InvestigationTimeline.delivered(report.incidentId().get(), report.time()));
            }
        }
        try {
            run.save(); // a notifier runs after the build was saved for the last time
        }
        catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save the CauseFlow outcome of " + run.getExternalizableId(), e);
        }
        // Outside the build's lock: registering applies events that arrived before the answer, under that lock.
        if (report.isDelivered()) {
            report.incidentId().ifPresent(incidentId -> LiveUpdates.register(run, incidentId));
        }
    }

    /**
     * Returns an incident's timeline. Callers that change it hold the build's lock (see
     * {@link io.jenkins.plugins.causeflow.investigation.BuildTargets}).
     *
     * @param incidentId the incident
     * @return its timeline, or empty when this build has none for it
     */
    public synchronized java.util.Optional<InvestigationTimeline> timeline(final String incidentId) {
        if (timelines == null) {
            return java.util.Optional.empty();
        }
        return timelines.stream().filter(stored -> stored.getIncidentId().equals(incidentId)).findFirst()
                .map(StoredTimeline::toTimeline);
    }

    /**
     * Keeps a timeline (replacing the one of the same incident); the caller saves the build.
     *
     * @param timeline the new timeline
     */
    public synchronized void putTimeline(final InvestigationTimeline timeline) {
        if (timelines == null) {
            timelines = new ArrayList<>();
        }
        StoredTimeline stored = StoredTimeline.of(timeline);
        for (int i = 0; i < timelines.size(); i++) {
            if (timelines.get(i).getIncidentId().equals(timeline.incidentId())) {
                timelines.set(i, stored);
                return;
            }
        }
        timelines.add(stored);
    }

    /** @return the investigation timelines, one per incident, oldest incident first */
    @Exported(name = "investigations", inline = true)
    public synchronized List<StoredTimeline> getTimelines() {
        return timelines == null ? List.of() : List.copyOf(timelines);
    }

    /** @return the latest incident's timeline, or null: the build page's summary */
    @CheckForNull
    public StoredTimeline getInvestigation() {
        List<StoredTimeline> all = getTimelines();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** @return the latest incident's investigation status (pending, investigating, completed, resolved), or empty */
    @Exported
    public String getInvestigationStatus() {
        StoredTimeline latest = getInvestigation();
        return latest == null ? "" : latest.getInvestigationStatus();
    }

    /** @return the latest incident's root cause, or empty */
    @Exported
    public String getRootCause() {
        StoredTimeline latest = getInvestigation();
        return latest == null ? "" : latest.getRootCause();
    }

    /**
     * Returns whether an alert with this sourceAlertId already reached CauseFlow from this build.
     *
     * @param run           the build
     * @param sourceAlertId the id
     * @return true when a record with that id is ACCEPTED or DUPLICATE
     */
    public static boolean hasDelivered(final Run<?, ?> run, final String sourceAlertId) {
        CauseFlowAction action = run.getAction(CauseFlowAction.class);
        return action != null && action.getRecords().stream()
                .anyMatch(record -> record.isDelivered() && record.getSourceAlertId().equals(sourceAlertId));
    }

    /**
     * Replaces the queued record of an alert with what the outbox's sender finally reported (delivered or dead),
     * keeping its trigger, and saves the build. A dead record is replaced too: an administrator retried the dead
     * entry on the outbox page, and the build shows how that ended rather than both outcomes. Adds a record when
     * none is queued or dead under that id (e.g. the build was loaded from an older save).
     *
     * @param run           the build
     * @param sourceAlertId the alert's id
     * @param report        the final outcome
     */
    public static void settle(final Run<?, ?> run, final String sourceAlertId, final DeliveryReport report) {
        synchronized (run) {
            CauseFlowAction action = run.getAction(CauseFlowAction.class);
            if (action == null) {
                action = new CauseFlowAction();
                run.addAction(action);
            }
            action.replaceQueued(sourceAlertId, report);
            if (report.isDelivered() && report.incidentId().isPresent()
                    && action.timeline(report.incidentId().get()).isEmpty()) {
                action.putTimeline(InvestigationTimeline.delivered(report.incidentId().get(), report.time()));
            }
        }
        try {
            run.save();
        }
        catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save the CauseFlow outcome of " + run.getExternalizableId(), e);
        }
        // An alert the outbox delivered later is followed like one delivered at once (outside the build's lock).
        if (report.isDelivered()) {
            report.incidentId().ifPresent(incidentId -> LiveUpdates.register(run, incidentId));
        }
    }

    /**
     * Returns whether an alert with this sourceAlertId reached CauseFlow from this build or waits in the outbox.
     *
     * @param run           the build
     * @param sourceAlertId the id
     * @return true when a record with that id is ACCEPTED, DUPLICATE or QUEUED
     */
    public static boolean hasDeliveredOrQueued(final Run<?, ?> run, final String sourceAlertId) {
        CauseFlowAction action = run.getAction(CauseFlowAction.class);
        return action != null && action.getRecords().stream()
                .anyMatch(record -> (record.isDelivered() || "QUEUED".equals(record.getStatus()))
                        && record.getSourceAlertId().equals(sourceAlertId));
    }

    private synchronized void replaceQueued(final String sourceAlertId, final DeliveryReport report) {
        for (int i = records.size() - 1; i >= 0; i--) {
            AlertRecord queued = records.get(i);
            boolean open = "QUEUED".equals(queued.getStatus()) || "DEAD".equals(queued.getStatus());
            if (open && queued.getSourceAlertId().equals(sourceAlertId)) {
                records.set(i, AlertRecord.of(report, queued.getTrigger()));
                return;
            }
        }
        records.add(AlertRecord.of(report, "outbox"));
    }

    synchronized void add(final AlertRecord record) {
        records.add(record);
    }

    /** @return every outcome, oldest first */
    @Exported(name = "alerts", inline = true)
    public synchronized List<AlertRecord> getRecords() {
        return List.copyOf(records);
    }

    /** @return the latest outcome's status, e.g. ACCEPTED */
    @Exported
    public String getStatus() {
        return latest().map(AlertRecord::getStatus).orElse("");
    }

    /** @return the latest incident ID, or empty */
    @Exported
    public String getIncidentId() {
        return latest().map(AlertRecord::getIncidentId).orElse("");
    }

    /** @return the latest incident link, or empty */
    @Exported
    public String getIncidentLink() {
        return latest().map(AlertRecord::getIncidentLink).orElse("");
    }

    /** @return the latest sourceAlertId, or empty */
    @Exported
    public String getSourceAlertId() {
        return latest().map(AlertRecord::getSourceAlertId).orElse("");
    }

    /** @return the latest outcome's time, epoch milliseconds, or 0 */
    @Exported
    public long getTimeMillis() {
        return latest().map(AlertRecord::getTimeMillis).orElse(0L);
    }

    /** @return the latest message, or empty */
    @Exported
    public String getMessage() {
        return latest().map(AlertRecord::getMessage).orElse("");
    }

    /** @return every outcome, display-ready, for the views */
    public List<AlertRecordView> getViews() {
        ZoneId zone = ZoneId.systemDefault();
        return getRecords().stream().map(record -> new AlertRecordView(record, zone)).toList();
    }

    private java.util.Optional<AlertRecord> latest() {
        List<AlertRecord> all = getRecords();
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(all.size() - 1));
    }

    /** @return the REST API of this action alone: {@code …/causeflow/api/json} */
    public hudson.model.Api getApi() {
        return new hudson.model.Api(this);
    }

    /** @return the build, once attached */
    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        this.run = r;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return null; // no side-panel link; summary.jelly shows the outcome on the build page
    }

    @Override
    public String getDisplayName() {
        return PluginTexts.format("action.displayName");
    }

    @Override
    public String getUrlName() {
        return "causeflow";
    }
}
