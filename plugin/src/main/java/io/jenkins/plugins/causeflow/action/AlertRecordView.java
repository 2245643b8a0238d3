package io.jenkins.plugins.causeflow.action;

import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Display-ready values of one {@link AlertRecord} for {@code summary.jelly} and {@code index.jelly}, so the views only
 * print getters. Plain Java; tested without Jenkins.
 */
public final class AlertRecordView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private final AlertRecord record;
    private final ZoneId zone;

    /**
     * Creates the view.
     *
     * @param record the record
     * @param zone   the zone to show times in
     */
    public AlertRecordView(final AlertRecord record, final ZoneId zone) {
        this.record = record;
        this.zone = zone;
    }

    /** @return e.g. "Accepted", "Duplicate (already delivered)", "Not delivered" */
    public String getStatusText() {
        return switch (record.getStatus()) {
            case "ACCEPTED", "DUPLICATE", "REJECTED", "SKIPPED", "QUEUED", "DEAD" -> PluginTexts.format("view.status." + record.getStatus());
            default -> PluginTexts.format("view.status.FAILED");
        };
    }

    /** @return the Jenkins symbol for the status, for an icon */
    public String getIconSymbol() {
        if ("QUEUED".equals(record.getStatus())) {
            return "symbol-status-yellow";
        }
        return record.isDelivered() ? "symbol-status-blue" : "SKIPPED".equals(record.getStatus())
                ? "symbol-status-nobuilt" : "symbol-status-red";
    }

    /** @return whether there is an incident to link to */
    public boolean isHasIncident() {
        return !record.getIncidentId().isEmpty();
    }

    /** @return the incident ID, or "none" */
    public String getIncidentText() {
        return record.getIncidentId().isEmpty() ? PluginTexts.format("none") : record.getIncidentId();
    }

    /** @return the incident link, or empty */
    public String getIncidentLink() {
        return record.getIncidentLink();
    }

    /** @return the sourceAlertId, or "none" */
    public String getSourceAlertIdText() {
        return record.getSourceAlertId().isEmpty() ? PluginTexts.format("none") : record.getSourceAlertId();
    }

    /** @return e.g. "HTTP 202 after 1 attempt" or "no response after 3 attempts" or "not sent" */
    public String getDeliveryText() {
        int attempts = record.getAttempts();
        if (attempts == 0) {
            return PluginTexts.format("view.notSent");
        }
        return record.getHttpStatus() == 0 ? PluginTexts.format("view.noResponse", attempts)
                : PluginTexts.format("view.http", record.getHttpStatus(), attempts);
    }

    /** @return e.g. "Pipeline step", "post-build action", "automatic alert" */
    public String getTriggerText() {
        return switch (record.getTrigger()) {
            case "step", "notifier", "automatic" -> PluginTexts.format("view.trigger." + record.getTrigger());
            default -> record.getTrigger();
        };
    }

    /** @return the time, e.g. "2026-11-26 23:59:00 UTC" */
    public String getTimeText() {
        return TIME.format(Instant.ofEpochMilli(record.getTimeMillis()).atZone(zone));
    }

    /** @return the redacted message */
    public String getMessage() {
        return record.getMessage();
    }
}
