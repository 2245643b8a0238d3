package io.causeflow.client.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.SignatureFormat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One queued alert as listed by {@link Outbox#pending()} and {@link Outbox#dead()}: everything but the body,
 * and never a secret (only credential ids). Immutable; the outbox replaces it as the entry changes.
 *
 * @param id the entry's id (also its file name without {@code .entry}); ids sort by queue time
 * @param state pending or dead
 * @param endpoint where the alert is posted
 * @param tenantId the tenant
 * @param sourceAlertId the alert's dedup key
 * @param signatureFormat how the signature header is written
 * @param apiKeyCredentialId the API key's credential id
 * @param webhookSecretCredentialId the webhook secret's credential id
 * @param buildId the build the alert is about, or null
 * @param firstQueuedAt when it was queued
 * @param retryWindowStart when the maximum age started counting (queue time, or the last manual retry of a dead entry)
 * @param attempts delivery attempts made so far
 * @param nextAttemptAt when the sender tries next (pending entries)
 * @param lastError the last attempt's trouble, redacted, or null
 * @param deadReason why the entry is dead, or null when pending
 * @param deadAt when it moved to dead/, or null
 * @param bodyLength size of the body in bytes
 * @param revision incremented on every rewrite; after a crash between two copies the higher one wins
 */
public record OutboxEntry(String id, State state, URI endpoint, String tenantId, String sourceAlertId,
        SignatureFormat signatureFormat, String apiKeyCredentialId, String webhookSecretCredentialId,
        @CheckForNull String buildId, Instant firstQueuedAt, Instant retryWindowStart, int attempts,
        Instant nextAttemptAt, @CheckForNull String lastError, @CheckForNull String deadReason,
        @CheckForNull Instant deadAt, int bodyLength, long revision) {

    /** Where an entry is. */
    public enum State {
        /** Waiting in {@code pending/} for the sender. */
        PENDING,
        /** In {@code dead/}: never retried automatically. */
        DEAD
    }

    /** Checks required fields; a dead entry needs a reason. */
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceAlertId, "sourceAlertId");
        Objects.requireNonNull(signatureFormat, "signatureFormat");
        Objects.requireNonNull(apiKeyCredentialId, "apiKeyCredentialId");
        Objects.requireNonNull(webhookSecretCredentialId, "webhookSecretCredentialId");
        Objects.requireNonNull(firstQueuedAt, "firstQueuedAt");
        Objects.requireNonNull(retryWindowStart, "retryWindowStart");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0 || bodyLength < 0 || revision < 0) {
            throw new IllegalArgumentException("attempts, bodyLength and revision must not be negative");
        }
        if ((state == State.DEAD) != (deadReason != null)) {
            throw new IllegalArgumentException("a dead entry needs a reason, a pending one must have none");
        }
    }

    static OutboxEntry queued(final String id, final QueuedAlert alert, final Instant now) {
        return new OutboxEntry(id, State.PENDING, alert.endpoint(), alert.tenantId(), alert.sourceAlertId(),
                alert.signatureFormat(), alert.apiKeyCredentialId(), alert.webhookSecretCredentialId(),
                alert.buildId(), now, now, 0, now, null, null, null, alert.bodyShared().length, 0);
    }

    /** @return how long the entry has been waiting at {@code now} */
    public Duration age(final Instant now) {
        Duration age = Duration.between(firstQueuedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    OutboxEntry afterFailedAttempt(final String error, final Instant next) {
        return new OutboxEntry(id, state, endpoint, tenantId, sourceAlertId, signatureFormat, apiKeyCredentialId,
                webhookSecretCredentialId, buildId, firstQueuedAt, retryWindowStart, attempts + 1, next, error,
                null, null, bodyLength, revision + 1);
    }

    OutboxEntry dead(final String reason, final Instant now) {
        return new OutboxEntry(id, State.DEAD, endpoint, tenantId, sourceAlertId, signatureFormat,
                apiKeyCredentialId, webhookSecretCredentialId, buildId, firstQueuedAt, retryWindowStart, attempts,
                nextAttemptAt, lastError, reason, now, bodyLength, revision + 1);
    }

    OutboxEntry revived(final Instant now) {
        return new OutboxEntry(id, State.PENDING, endpoint, tenantId, sourceAlertId, signatureFormat,
                apiKeyCredentialId, webhookSecretCredentialId, buildId, firstQueuedAt, now, attempts, now, lastError,
                null, null, bodyLength, revision + 1);
    }

    OutboxEntry dueAt(final Instant when) {
        return new OutboxEntry(id, state, endpoint, tenantId, sourceAlertId, signatureFormat, apiKeyCredentialId,
                webhookSecretCredentialId, buildId, firstQueuedAt, retryWindowStart, attempts, when, lastError,
                deadReason, deadAt, bodyLength, revision);
    }
}
