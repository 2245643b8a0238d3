package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleNote;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;

/** Receives the console output of a task. */
public interface TaskListener extends Serializable {
    TaskListener NULL = null;

    @NonNull
    PrintStream getLogger();

    default void annotate(ConsoleNote ann) throws IOException {
        throw new UnsupportedOperationException();
    }

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException();
    }

    @NonNull
    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException();
    }
}
