package io.causeflow.client;

import java.time.Duration;

/** Waits between attempts; replaced in tests so that backoff is checked without wall time. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted; the client then stops retrying
     */
    void sleep(Duration duration) throws InterruptedException;
}
