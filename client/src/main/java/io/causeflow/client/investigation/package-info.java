/**
 * The investigation's answer coming back: an idempotent per-incident timeline built from stream events, a router
 * from incident ids to the caller's targets (e.g. builds) with a small persistent index, waiters completed by the
 * router, the persisted last event id and the one subscription per process that feeds it all. Jenkins-free; the
 * plugin supplies the targets.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.client.investigation;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
