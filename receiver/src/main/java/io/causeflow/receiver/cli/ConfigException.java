package io.causeflow.receiver.cli;

/** A configuration problem; the command prints the message and exits with status 2. */
final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }

    ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
