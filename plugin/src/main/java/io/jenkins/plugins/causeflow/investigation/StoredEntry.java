package io.jenkins.plugins.causeflow.investigation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.investigation.TimelineEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One timeline entry as persisted in {@code build.xml}: a plain class with fields, because XStream (which Jenkins
 * uses for build.xml) cannot restore Java records such as {@link TimelineEntry}. Server text is kept as received:
 * views render it escaped.
 */
@ExportedBean(defaultVisibility = 3)
public final class StoredEntry {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private final String eventId;
    private final String kind;
    private final long timeMillis;
    private final String text;
    private final ArrayList<String> details;
    @CheckForNull
    private final Double confidence;

    private StoredEntry(final String eventId, final String kind, final long timeMillis, final String text,
            final List<String> details, @CheckForNull final Double confidence) {
        this.eventId = eventId;
        this.kind = kind;
        this.timeMillis = timeMillis;
        this.text = text;
        this.details = new ArrayList<>(details);
        this.confidence = confidence;
    }

    static StoredEntry of(final TimelineEntry entry) {
        return new StoredEntry(entry.eventId(), entry.kind().name(), entry.time().toEpochMilli(), entry.text(),
                entry.details(), entry.confidence().isPresent() ? entry.confidence().getAsDouble() : null);
    }

    /**
     * @return the client's entry; an entry whose kind this version does not know (a hand-edited file) is read as
     *         a progress step rather than lost
     */
    TimelineEntry toEntry() {
        TimelineEntry.Kind known;
        try {
            known = TimelineEntry.Kind.valueOf(getKind());
        }
        catch (IllegalArgumentException e) {
            known = TimelineEntry.Kind.PROGRESS;
        }
        return new TimelineEntry(getEventId(), known, Instant.ofEpochMilli(timeMillis), getText(), getDetails(),
                confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence));
    }

    /** @return the stream's event id (or a digest of the event when it had none) */
    @Exported
    public String getEventId() {
        return eventId == null ? "" : eventId;
    }

    /** @return ALERT_DELIVERED, INCIDENT_CREATED, STATUS_CHANGED, PROGRESS, ROOT_CAUSE, REMEDIATION_PROPOSED, RESOLVED */
    @Exported
    public String getKind() {
        return kind == null ? "" : kind;
    }

    /** @return the kind as words, for the page */
    public String getKindText() {
        return getKind().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** @return when it happened, epoch milliseconds */
    @Exported
    public long getTimeMillis() {
        return timeMillis;
    }

    /** @return the time, for the page */
    public String getTimeText() {
        return TIME.format(Instant.ofEpochMilli(timeMillis).atZone(ZoneId.systemDefault()));
    }

    /** @return the confidence as a percentage, or empty */
    public String getConfidenceText() {
        return confidence == null ? "" : Math.round(confidence * 100) + " %";
    }

    /** @return the main text (untrusted server text) */
    @Exported
    public String getText() {
        return text == null ? "" : text;
    }

    /** @return detail lines (untrusted server text) */
    @Exported
    public List<String> getDetails() {
        return details == null ? List.of() : List.copyOf(details);
    }

    /** @return the confidence 0..1 of a root cause, or null */
    @Exported
    @CheckForNull
    public Double getConfidence() {
        return confidence;
    }
}
