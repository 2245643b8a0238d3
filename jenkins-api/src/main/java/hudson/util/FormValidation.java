package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** The outcome of a form field check. */
public abstract class FormValidation extends IOException implements HttpResponse {
    public final Kind kind;

    private FormValidation() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation error(String format, Object... args) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation warning(String format, Object... args) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation error(Throwable e, String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation warning(Throwable e, String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateNonNegativeInteger(String value) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateIntegerInRange(String value, int lower, int upper) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException();
    }

    public abstract String renderHtml();

    /** Severity of a validation result. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }
}
