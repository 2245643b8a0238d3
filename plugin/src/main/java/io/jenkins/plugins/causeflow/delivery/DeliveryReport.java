package io.jenkins.plugins.causeflow.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.DeliveryOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one send ended with, ready for display: the build-log line, the step's return map and the data of the build
 * action. Created from the client's outcome, or by the named factories when nothing was sent (disabled, incomplete
 * configuration, missing credential). Carries no secret: messages come redacted from the client or are ours.
 */
public final class DeliveryReport {
    private final Status status;
    private final String message;
    @CheckForNull
    private final String incidentId;
    @CheckForNull
    /** Where an incident URL template puts the incident ID. */
    public static final String INCIDENT_PLACEHOLDER = "{incidentId}";

    private final String incidentLink;
    @CheckForNull
    private final String sourceAlertId;
    private final int httpStatus; // 0 = no response
    private final int attempts;
    private final Instant time;

    private DeliveryReport(final Status status, final String message, @CheckForNull final String incidentId,
            @CheckForNull final String incidentLink, @CheckForNull final String sourceAlertId, final int httpStatus,
            final int attempts, final Instant time) {
        this.status = status;
        this.message = message;
        this.incidentId = incidentId;
        this.incidentLink = incidentLink;
        this.sourceAlertId = sourceAlertId;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.time = time;
    }

    /**
     * Reports the client's outcome.
     *
     * @param outcome     the outcome
     * @param endpointUrl the base URL the alert went to, for the incident link
     * @param time        when the send finished
     * @return the report
     */
    public static DeliveryReport fromOutcome(final DeliveryOutcome outcome, final String endpointUrl,
            final Instant time) {
        return fromOutcome(outcome, endpointUrl, "", time);
    }

    /**
     * Reports the client's outcome, linking the incident in CauseFlow's dashboard when a template is configured.
     *
     * @param outcome             the outcome
     * @param endpointUrl         the base URL the alert went to, for the fallback link to the API
     * @param incidentUrlTemplate e.g. {@code https://app.causeflow.ai/incidents/{incidentId}}, or blank
     * @param time                when the send finished
     * @return the report
     */
    public static DeliveryReport fromOutcome(final DeliveryOutcome outcome, final String endpointUrl,
            final String incidentUrlTemplate, final Instant time) {
        Status status = Status.valueOf(outcome.status().name());
        String incident = outcome.incidentId().orElse(null);
        return new DeliveryReport(status, outcome.message(), incident,
                incident == null ? null : incidentLink(incidentUrlTemplate, endpointUrl, incident),
                outcome.sourceAlertId().orElse(null), outcome.httpStatus().orElse(0), outcome.attempts(), time);
    }

    /**
     * Nothing was sent on purpose (alerts disabled, result better than the threshold, already delivered).
     *
     * @param reason        why, for the log
     * @param sourceAlertId the alert's id, if known
     * @param time          now
     * @return the report, status SKIPPED
     */
    public static DeliveryReport skipped(final String reason, final Optional<String> sourceAlertId,
            final Instant time) {
        return new DeliveryReport(Status.SKIPPED, reason, null, null, sourceAlertId.orElse(null), 0, 0, time);
    }

    /**
     * Nothing could be sent because the configuration or a credential is missing or wrong.
     *
     * @param reason        what is wrong, naming the setting or credential ID (never a value)
     * @param sourceAlertId the alert's id, if known
     * @param time          now
     * @return the report, status FAILED with no attempt
     */
    public static DeliveryReport notSent(final String reason, final Optional<String> sourceAlertId,
            final Instant time) {
        return new DeliveryReport(Status.FAILED, reason, null, null, sourceAlertId.orElse(null), 0, 0, time);
    }

    /**
     * The alert is in the durable outbox and will be delivered by the background sender.
     *
     * @param why           why it was queued (e.g. the failed attempt's message), for the log
     * @param sourceAlertId the alert's id
     * @param attempts      attempts already made before queueing (0 when queued straight away)
     * @param time          now
     * @return the report, status QUEUED
     */
    public static DeliveryReport queued(final String why, final String sourceAlertId, final int attempts,
            final Instant time) {
        return new DeliveryReport(Status.QUEUED, why, null, null, sourceAlertId, 0, attempts, time);
    }

    /**
     * The outbox gave the alert up: it stays in its {@code dead/} folder until an administrator retries or discards.
     *
     * @param reason        why (redacted by the outbox)
     * @param sourceAlertId the alert's id
     * @param attempts      attempts made
     * @param time          now
     * @return the report, status DEAD
     */
    public static DeliveryReport dead(final String reason, final String sourceAlertId, final int attempts,
            final Instant time) {
        return new DeliveryReport(Status.DEAD, reason, null, null, sourceAlertId, 0, attempts, time);
    }

    /**
     * Returns a copy whose message has every occurrence of the given values masked. A last line of defence: the
     * client already redacts, but a secret must never reach a build log even if a server echoes it back.
     *
     * @param secrets the values to mask (blank ones are ignored)
     * @return the masked report
     */
    public DeliveryReport masking(final java.util.Collection<String> secrets) {
        String masked = message;
        for (String secret : secrets) {
            if (!secret.isBlank()) {
                masked = masked.replace(secret, "****");
            }
        }
        return new DeliveryReport(status, masked, incidentId, incidentLink, sourceAlertId, httpStatus, attempts, time);
    }

    /**
     * Builds the link to an incident: CauseFlow's documented incident resource {@code GET /v1/incidents/{id}}.
     *
     * @param endpointUrl the base URL
     * @param incidentId  the incident ID
     * @return the link
     */
    public static String incidentLink(final String endpointUrl, final String incidentId) {
        return incidentLink("", endpointUrl, incidentId);
    }

    /**
     * Builds the link to an incident: the dashboard URL template with {@code {incidentId}} replaced (URL-encoded) when
     * one is configured, because people follow the link in a browser; else the API's incident resource
     * {@code GET /v1/incidents/{id}}, which needs an API key.
     *
     * @param incidentUrlTemplate the template, or blank
     * @param endpointUrl         the API base URL
     * @param incidentId          the incident ID
     * @return the link
     */
    public static String incidentLink(final String incidentUrlTemplate, final String endpointUrl,
            final String incidentId) {
        if (!incidentUrlTemplate.isBlank()) {
            return incidentUrlTemplate.strip().replace(INCIDENT_PLACEHOLDER,
                    URLEncoder.encode(incidentId, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String base = endpointUrl.endsWith("/") ? endpointUrl.substring(0, endpointUrl.length() - 1) : endpointUrl;
        return base + "/v1/incidents/" + URLEncoder.encode(incidentId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Returns the one build-log line for this report.
     *
     * @return the line, starting with {@code [CauseFlow]}
     */
    public String logLine() {
        String none = PluginTexts.format("none");
        String id = sourceAlertId == null ? none : sourceAlertId;
        return switch (status) {
            case ACCEPTED -> incidentId == null
                    ? PluginTexts.format("acceptedNoIncident", httpText(), attempts, id)
                    : PluginTexts.format("accepted", incidentId, incidentLink, id, httpText(), attempts);
            case DUPLICATE -> incidentId == null
                    ? PluginTexts.format("duplicateNoIncident", id)
                    : PluginTexts.format("duplicate", id, incidentId, incidentLink);
            case REJECTED -> PluginTexts.format("rejected", httpText(), message);
            case FAILED -> attempts == 0
                    ? PluginTexts.format("notSent", message)
                    : PluginTexts.format("failed", attempts, message);
            case SKIPPED -> PluginTexts.format("skipped", message);
            case QUEUED -> PluginTexts.format("queued", id, message);
            case DEAD -> PluginTexts.format("dead", id, message);
        };
    }

    private String httpText() {
        return httpStatus == 0 ? "-" : Integer.toString(httpStatus);
    }

    /**
     * Returns the value the {@code causeflowAlert} step returns: keys {@code status}, {@code incidentId},
     * {@code incidentLink}, {@code sourceAlertId}, {@code httpStatus}, {@code attempts}, {@code message}; absent
     * values are {@code null} so a Jenkinsfile can test them directly.
     *
     * @return a mutable, serializable map (Pipeline may persist it)
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", status.name());
        result.put("incidentId", incidentId);
        result.put("incidentLink", incidentLink);
        result.put("sourceAlertId", sourceAlertId);
        result.put("httpStatus", httpStatus == 0 ? null : httpStatus);
        result.put("attempts", attempts);
        result.put("message", message);
        return result;
    }

    /**
     * Returns whether the build should be failed because of this report.
     *
     * @param failOnError the owner's choice
     * @return true only when asked to and the alert was rejected or not delivered
     */
    public boolean failsBuild(final boolean failOnError) {
        // A queued alert will still arrive, but it was not delivered when the owner asked to know.
        return failOnError && (status == Status.REJECTED || status == Status.FAILED || status == Status.QUEUED
                || status == Status.DEAD);
    }

    /**
     * Returns whether CauseFlow has the alert (new or duplicate).
     *
     * @return true for ACCEPTED and DUPLICATE
     */
    public boolean isDelivered() {
        return status == Status.ACCEPTED || status == Status.DUPLICATE;
    }

    /** @return the status */
    public Status status() {
        return status;
    }

    /** @return the redacted message */
    public String message() {
        return message;
    }

    /** @return the incident ID, when CauseFlow returned one */
    public Optional<String> incidentId() {
        return Optional.ofNullable(incidentId);
    }

    /** @return the incident link, when there is an incident ID */
    public Optional<String> incidentLink() {
        return Optional.ofNullable(incidentLink);
    }

    /** @return the alert's sourceAlertId, when known */
    public Optional<String> sourceAlertId() {
        return Optional.ofNullable(sourceAlertId);
    }

    /** @return the last HTTP status, absent when no response arrived */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** @return the number of HTTP attempts, 0 when nothing was sent */
    public int attempts() {
        return attempts;
    }

    /** @return when the send finished */
    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeliveryReport other)) {
            return false;
        }
        return httpStatus == other.httpStatus && attempts == other.attempts && status == other.status
                && message.equals(other.message) && Objects.equals(incidentId, other.incidentId)
                && Objects.equals(incidentLink, other.incidentLink)
                && Objects.equals(sourceAlertId, other.sourceAlertId) && time.equals(other.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, message, incidentId, sourceAlertId, httpStatus, attempts, time);
    }

    @Override
    public String toString() {
        return "DeliveryReport[" + status + ", incident=" + incidentId + ", sourceAlertId=" + sourceAlertId
                + ", http=" + httpStatus + ", attempts=" + attempts + ", message=" + message + "]";
    }

    /** The step's {@code status} values: the client's four plus SKIPPED when nothing was meant to be sent. */
    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED, FAILED, SKIPPED,
        /** Handed to the durable outbox; the background sender delivers it when CauseFlow is reachable. */
        QUEUED,
        /** Given up by the outbox (refused, too old, outbox full, build or credential gone); see the message. */
        DEAD
    }
}
