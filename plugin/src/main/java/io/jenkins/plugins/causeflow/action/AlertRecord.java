package io.jenkins.plugins.causeflow.action;

import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One alert outcome as persisted in {@code build.xml}. A plain class with fields (not a record): XStream, which
 * Jenkins uses to persist actions, cannot restore records.
 */
@ExportedBean(defaultVisibility = 2)
public final class AlertRecord {
    private final String status;
    private final String trigger;
    private final String incidentId;
    private final String incidentLink;
    private final String sourceAlertId;
    private final int httpStatus;
    private final int attempts;
    private final String message;
    private final long timeMillis;

    AlertRecord(final String status, final String trigger, final String incidentId, final String incidentLink,
            final String sourceAlertId, final int httpStatus, final int attempts, final String message,
            final long timeMillis) {
        this.status = status;
        this.trigger = trigger;
        this.incidentId = incidentId;
        this.incidentLink = incidentLink;
        this.sourceAlertId = sourceAlertId;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.message = message;
        this.timeMillis = timeMillis;
    }

    /**
     * Records a report.
     *
     * @param report  the outcome
     * @param trigger what sent it: {@code step}, {@code notifier} or {@code automatic}
     * @return the record
     */
    public static AlertRecord of(final DeliveryReport report, final String trigger) {
        return new AlertRecord(report.status().name(), trigger, report.incidentId().orElse(""),
                report.incidentLink().orElse(""), report.sourceAlertId().orElse(""),
                report.httpStatus().orElse(0), report.attempts(), report.message(), report.time().toEpochMilli());
    }

    /** @return ACCEPTED, DUPLICATE, REJECTED, FAILED or SKIPPED */
    @Exported
    public String getStatus() {
        return status;
    }

    /** @return step, notifier or automatic */
    @Exported
    public String getTrigger() {
        return trigger;
    }

    /** @return the incident ID, or empty */
    @Exported
    public String getIncidentId() {
        return incidentId == null ? "" : incidentId;
    }

    /** @return the incident link, or empty */
    @Exported
    public String getIncidentLink() {
        return incidentLink == null ? "" : incidentLink;
    }

    /** @return the sourceAlertId, or empty */
    @Exported
    public String getSourceAlertId() {
        return sourceAlertId == null ? "" : sourceAlertId;
    }

    /** @return the last HTTP status, 0 when no response */
    @Exported
    public int getHttpStatus() {
        return httpStatus;
    }

    /** @return the number of attempts */
    @Exported
    public int getAttempts() {
        return attempts;
    }

    /** @return the redacted message */
    @Exported
    public String getMessage() {
        return message == null ? "" : message;
    }

    /** @return when the send finished, epoch milliseconds */
    @Exported
    public long getTimeMillis() {
        return timeMillis;
    }

    /** @return whether CauseFlow has the alert (ACCEPTED or DUPLICATE) */
    public boolean isDelivered() {
        return "ACCEPTED".equals(status) || "DUPLICATE".equals(status);
    }

    @Override
    public String toString() {
        return "AlertRecord[" + status + ", " + trigger + ", incident=" + incidentId + ", sourceAlertId="
                + sourceAlertId + "]";
    }
}
