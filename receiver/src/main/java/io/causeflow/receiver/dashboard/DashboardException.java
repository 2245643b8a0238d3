package io.causeflow.receiver.dashboard;

/** A refused dashboard request: status plus the {@code {error, message}} body. Messages never hold credentials. */
final class DashboardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    DashboardException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static DashboardException notSignedIn() {
        return new DashboardException(401, "unauthorized", "sign in at /dashboard/sign-in first");
    }

    static DashboardException forbidden(String why) {
        return new DashboardException(403, "forbidden", why);
    }

    static DashboardException notFound(String incidentId) {
        return new DashboardException(404, "incident_not_found", "no incident '" + incidentId + "' for this tenant");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
