/**
 * The web dashboard: sign-in per tenant, incident list and incident page with a live timeline, served from the jar
 * (pages and assets under {@code resources/io/causeflow/receiver/dashboard/}). Sessions are HttpOnly, SameSite=Strict
 * cookies; state-changing requests also carry a per-session CSRF token.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.dashboard;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
