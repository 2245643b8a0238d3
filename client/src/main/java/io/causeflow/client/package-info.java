/**
 * CauseFlow wire protocol outside Jenkins: alert model and limits, deterministic JSON, HMAC signing,
 * {@code sourceAlertId} rules and delivery with retries. Never prints; everything is returned as data.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.client;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
