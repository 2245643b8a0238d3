package io.jenkins.plugins.causeflow.investigation;

import io.causeflow.client.investigation.InvestigationAnswer;
import io.causeflow.client.investigation.InvestigationTimeline;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One incident's timeline as persisted in {@code build.xml} (plain fields: XStream cannot restore the client's
 * records), converted to and from {@link InvestigationTimeline}, which does the merging (duplicates, order, bounds).
 */
@ExportedBean(defaultVisibility = 2)
public final class StoredTimeline {
    private final String incidentId;
    private final ArrayList<StoredEntry> entries;

    private StoredTimeline(final String incidentId, final List<StoredEntry> entries) {
        this.incidentId = incidentId;
        this.entries = new ArrayList<>(entries);
    }

    /**
     * @param timeline the client's timeline
     * @return its persistent form
     */
    public static StoredTimeline of(final InvestigationTimeline timeline) {
        return new StoredTimeline(timeline.incidentId(), timeline.entries().stream().map(StoredEntry::of).toList());
    }

    /** @return the client's timeline */
    public InvestigationTimeline toTimeline() {
        return new InvestigationTimeline(getIncidentId(), getEntries().stream().map(StoredEntry::toEntry).toList());
    }

    /** @return the incident */
    @Exported
    public String getIncidentId() {
        return incidentId == null ? "" : incidentId;
    }

    /** @return the entries, oldest first */
    @Exported(inline = true)
    public List<StoredEntry> getEntries() {
        return entries == null ? List.of() : List.copyOf(entries);
    }

    /** @return the answer read from the entries */
    public InvestigationAnswer answer() {
        return toTimeline().answer();
    }

    /** @return pending, investigating, completed or resolved */
    @Exported
    public String getInvestigationStatus() {
        return answer().investigationStatus().wireName();
    }

    /** @return the root cause, or empty */
    @Exported
    public String getRootCause() {
        return answer().rootCause().orElse("");
    }

    /** @return the root cause's confidence 0..1, or null */
    @Exported
    public Double getConfidence() {
        InvestigationAnswer answer = answer();
        return answer.confidence().isPresent() ? answer.confidence().getAsDouble() : null;
    }

    /** @return the confidence as a percentage, or empty */
    public String getConfidenceText() {
        Double confidence = getConfidence();
        return confidence == null ? "" : Math.round(confidence * 100) + " %";
    }

    /** @return the Jenkins symbol of the status badge */
    public String getIconSymbol() {
        return switch (answer().investigationStatus()) {
            case COMPLETED, RESOLVED -> "symbol-status-blue";
            case INVESTIGATING -> "symbol-status-blue-anime";
            case PENDING -> "symbol-status-nobuilt";
        };
    }

    /** @return the proposed remediation, or empty */
    @Exported
    public String getRemediation() {
        return answer().remediation().orElse("");
    }
}
