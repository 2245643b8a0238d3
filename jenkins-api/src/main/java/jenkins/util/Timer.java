package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

/** The shared scheduled executor of Jenkins. */
public class Timer {
    private Timer() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException();
    }
}
