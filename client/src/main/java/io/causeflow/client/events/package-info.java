/**
 * Client for the CauseFlow notification event stream (Server-Sent Events): parser, typed events,
 * reconnecting subscription. Never prints; events go to a listener callback.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.client.events;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
