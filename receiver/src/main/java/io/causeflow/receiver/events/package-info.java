/**
 * Live fan-out of committed events to SSE subscribers with bounded per-subscriber buffers.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.events;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
