package io.causeflow.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of one {@link CauseFlowClient#send(Alert)}: never an exception. Created by the named factories,
 * which reject inconsistent input. {@link #message()} is already redacted by the client.
 */
public final class DeliveryOutcome {
    private final DeliveryStatus status;
    @CheckForNull
    private final String incidentId;
    private final int httpStatus; // 0 = no response
    private final int attempts;
    @CheckForNull
    private final String errorCode;
    private final String message;
    @CheckForNull
    private final String sourceAlertId;
    private final Duration elapsed;

    private DeliveryOutcome(final DeliveryStatus status, @CheckForNull final String incidentId, final int httpStatus,
            final int attempts, @CheckForNull final String errorCode, final String message,
            @CheckForNull final String sourceAlertId, final Duration elapsed) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 100..599 or absent, was " + httpStatus);
        }
        this.status = Objects.requireNonNull(status, "status");
        this.incidentId = incidentId;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.errorCode = errorCode;
        this.message = Objects.requireNonNull(message, "message");
        this.sourceAlertId = sourceAlertId;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative");
        }
    }

    /**
     * A 2xx answer.
     *
     * @param httpStatus 200..299
     * @param incidentId the incident id from the body, when it had one
     * @param attempts attempts made, at least 1
     * @param message human-readable summary
     * @param sourceAlertId the alert's dedup key, when it had one
     * @param elapsed time from the first attempt to the answer
     * @return the outcome
     */
    public static DeliveryOutcome accepted(final int httpStatus, final Optional<String> incidentId, final int attempts,
            final String message, final Optional<String> sourceAlertId, final Duration elapsed) {
        if (httpStatus < 200 || httpStatus > 299) {
            throw new IllegalArgumentException("accepted needs a 2xx status, was " + httpStatus);
        }
        requireAttempted(attempts);
        return new DeliveryOutcome(DeliveryStatus.ACCEPTED, incidentId.orElse(null), httpStatus, attempts, null,
                message, sourceAlertId.orElse(null), elapsed);
    }

    /** A 409 answer: delivered before. Parameters as in {@link #accepted}. */
    public static DeliveryOutcome duplicate(final Optional<String> incidentId, final Optional<String> errorCode,
            final int attempts, final String message, final Optional<String> sourceAlertId, final Duration elapsed) {
        requireAttempted(attempts);
        return new DeliveryOutcome(DeliveryStatus.DUPLICATE, incidentId.orElse(null), 409, attempts,
                errorCode.orElse(null), message, sourceAlertId.orElse(null), elapsed);
    }

    /**
     * A final refusal.
     *
     * @param httpStatus the status that refused the alert, absent when refused before sending (e.g. bad config)
     * @param errorCode the server's {@code error} code when it sent one
     * @param attempts attempts made (0 when refused before sending)
     * @param message redacted reason
     * @param sourceAlertId the alert's dedup key
     * @param elapsed time spent
     * @return the outcome
     */
    public static DeliveryOutcome rejected(final OptionalInt httpStatus, final Optional<String> errorCode,
            final int attempts, final String message, final Optional<String> sourceAlertId, final Duration elapsed) {
        if (httpStatus.isPresent() && httpStatus.getAsInt() < 300) {
            throw new IllegalArgumentException("rejected needs a status of 300 or more, was " + httpStatus.getAsInt());
        }
        return new DeliveryOutcome(DeliveryStatus.REJECTED, null, httpStatus.orElse(0), attempts,
                errorCode.orElse(null), message, sourceAlertId.orElse(null), elapsed);
    }

    /**
     * Transient trouble that outlasted the retries.
     *
     * @param lastHttpStatus status of the last answer, absent when the last attempt got none
     * @param errorCode the server's last {@code error} code, if any
     * @param attempts attempts made
     * @param message redacted reason
     * @param sourceAlertId the alert's dedup key
     * @param elapsed time spent
     * @return the outcome
     */
    public static DeliveryOutcome failed(final OptionalInt lastHttpStatus, final Optional<String> errorCode,
            final int attempts, final String message, final Optional<String> sourceAlertId, final Duration elapsed) {
        if (lastHttpStatus.isPresent() && lastHttpStatus.getAsInt() >= 200 && lastHttpStatus.getAsInt() < 300) {
            throw new IllegalArgumentException("failed cannot carry a 2xx status");
        }
        return new DeliveryOutcome(DeliveryStatus.FAILED, null, lastHttpStatus.orElse(0), attempts,
                errorCode.orElse(null), message, sourceAlertId.orElse(null), elapsed);
    }

    private static void requireAttempted(final int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("an answered delivery needs at least 1 attempt, was " + attempts);
        }
    }

    public DeliveryStatus status() {
        return status;
    }

    /** @return true when the alert is at CauseFlow (accepted now or before) */
    public boolean isDelivered() {
        return status.isDelivered();
    }

    public Optional<String> incidentId() {
        return Optional.ofNullable(incidentId);
    }

    /** @return the last HTTP status, absent when no response arrived */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    public int attempts() {
        return attempts;
    }

    /** @return the server's machine-readable {@code error} code, e.g. {@code invalid_signature} */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return a redacted, human-readable reason or summary */
    public String message() {
        return message;
    }

    public Optional<String> sourceAlertId() {
        return Optional.ofNullable(sourceAlertId);
    }

    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeliveryOutcome)) {
            return false;
        }
        DeliveryOutcome other = (DeliveryOutcome) o;
        return httpStatus == other.httpStatus && attempts == other.attempts && status == other.status
                && Objects.equals(incidentId, other.incidentId) && Objects.equals(errorCode, other.errorCode)
                && message.equals(other.message) && Objects.equals(sourceAlertId, other.sourceAlertId)
                && elapsed.equals(other.elapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, incidentId, httpStatus, attempts, errorCode, message, sourceAlertId, elapsed);
    }

    @Override
    public String toString() {
        return "DeliveryOutcome[" + status + (httpStatus == 0 ? "" : " http=" + httpStatus)
                + (incidentId == null ? "" : " incidentId=" + incidentId) + " attempts=" + attempts
                + (errorCode == null ? "" : " error=" + errorCode)
                + (sourceAlertId == null ? "" : " sourceAlertId=" + sourceAlertId) + " elapsed=" + elapsed.toMillis()
                + "ms: " + message + "]";
    }
}
