/**
 * A durable, bounded, directory-backed outbox for alerts that could not be delivered at once: one file per
 * alert holding the exact body bytes and what is needed to send them later (never a secret), written atomically,
 * drained by one sender with backoff, {@code Retry-After}, a maximum age and a {@code dead/} folder. Plain Java:
 * the caller supplies secrets at send time ({@link io.causeflow.client.outbox.CredentialResolver}) and receives
 * events and warnings through callbacks; the library never prints. See {@code docs/client.md}, "Outbox".
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.client.outbox;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
