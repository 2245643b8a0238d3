package io.causeflow.receiver.ingest;

/** The alert body is invalid; {@link #field()} names the offending field ({@code body} for the whole document). */
public final class AlertValidationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    AlertValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** JSON field name, dotted for nested values ({@code tags.owner}). */
    public String field() {
        return field;
    }
}
