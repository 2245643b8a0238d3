package hudson.console;

import hudson.ExtensionPoint;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/** Markup embedded in a console log. */
public abstract class ConsoleNote<T> implements Serializable, ExtensionPoint {
    public static final String PREAMBLE_STR = "\u001B[8mha:";
    public static final String POSTAMBLE_STR = "\u001B[0m";

    private ConsoleNote() {
        throw new UnsupportedOperationException();
    }

    public static List<String> removeNotes(Collection<String> logLines) {
        throw new UnsupportedOperationException();
    }

    public static String removeNotes(String line) {
        throw new UnsupportedOperationException();
    }
}
