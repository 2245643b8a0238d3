package io.causeflow.receiver.dashboard;

import java.time.Instant;

/**
 * A signed-in browser. Holds no credential: the API key is checked once at sign-in and never kept.
 *
 * @param tenantId  the tenant whose incidents this session may see
 * @param csrfToken random token that state-changing requests must echo in {@code X-CSRF-Token}
 * @param expiresAt end of the session (absolute, not sliding)
 */
record DashboardSession(String tenantId, String csrfToken, Instant expiresAt) {
    @Override
    public String toString() {
        return "DashboardSession[tenantId=" + tenantId + ", csrfToken=****, expiresAt=" + expiresAt + "]";
    }
}
