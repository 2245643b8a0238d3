package hudson;

import java.io.IOException;

/** Fails a build step politely, without a stack trace. The constructors keep the message (JDK behaviour). */
public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
