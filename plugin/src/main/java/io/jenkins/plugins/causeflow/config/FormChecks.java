package io.jenkins.plugins.causeflow.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.causeflow.delivery.FieldCheck;

/**
 * Turns the plain {@link FieldCheck} verdicts into Jenkins form validations. Callers check permissions first.
 */
public final class FormChecks {
    private FormChecks() {
    }

    /**
     * Converts a verdict.
     *
     * @param check the verdict
     * @return the form validation (its message is HTML-escaped by Jenkins)
     */
    public static FormValidation toValidation(final FieldCheck check) {
        return switch (check.kind()) {
            case OK -> FormValidation.ok();
            case WARNING -> FormValidation.warning(check.message());
            case ERROR -> FormValidation.error(check.message());
        };
    }
}
