package io.jenkins.plugins.causeflow.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxSender;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import jenkins.util.SystemProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one outbox and sender of this controller, in {@code $JENKINS_HOME/causeflow/outbox/}. Opened once the jobs are
 * loaded (the sender loads builds by their id to resolve credentials and update their action) and closed when
 * Jenkins shuts down; entries left behind are sent after the next start.
 */
public final class PluginOutbox {
    private static final Logger LOGGER = Logger.getLogger(PluginOutbox.class.getName());

    /**
     * System property: the longest wait between two attempts of a queued alert ({@code 30s}, {@code 2m}; a plain
     * number is seconds), default {@link Outbox#DEFAULT_MAX_BACKOFF}. A shorter cap gets a recovered CauseFlow its
     * alerts sooner at the cost of more attempts during an outage; the end-to-end suite sets a few seconds so that
     * its outage test does not wait minutes.
     */
    static final String MAX_BACKOFF_PROPERTY = PluginOutbox.class.getName() + ".maxBackoff";

    /** The open outbox and its running sender. */
    private record Opened(Outbox outbox, OutboxSender sender) {
    }

    @CheckForNull
    private static volatile Opened current;

    private PluginOutbox() {
    }

    /**
     * Returns the outbox folder of a controller.
     *
     * @param jenkinsHome {@code $JENKINS_HOME}
     * @return {@code $JENKINS_HOME/causeflow/outbox}
     */
    public static Path directory(final Path jenkinsHome) {
        return jenkinsHome.resolve("causeflow").resolve("outbox");
    }

    /**
     * Opens the outbox and starts its sender. Not fatal when it fails: alerts are then sent at once, as before.
     */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static synchronized void open() {
        stop(); // a previous instance in the same JVM (tests restart Jenkins) must release its folder lock first
        Path directory = directory(JenkinsFacade.jenkins().getRootDir().toPath());
        try {
            Duration maxBackoff = maxBackoff(SystemProperties.getDuration(MAX_BACKOFF_PROPERTY, ChronoUnit.SECONDS,
                    Outbox.DEFAULT_MAX_BACKOFF));
            Outbox outbox = Outbox.builder(directory)
                    .backoff(firstBackoff(maxBackoff), maxBackoff)
                    .httpClient(JenkinsFacade.httpClient())
                    .listener(new BuildActionUpdater())
                    .warnings(warning -> LOGGER.warning(warning))
                    .open();
            current = new Opened(outbox, outbox.startSender(new RunCredentialResolver()));
            LOGGER.fine(() -> "CauseFlow outbox open at " + directory);
        }
        catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot open the CauseFlow outbox at " + directory
                    + "; alerts are delivered synchronously until the next start", e);
        }
    }

    /**
     * Returns the backoff cap to use: the configured one when it is positive, the default otherwise (a zero or
     * negative value would make every failed attempt come back at once).
     *
     * @param configured the value of {@link #MAX_BACKOFF_PROPERTY}, or the default when unset
     * @return the cap
     */
    static Duration maxBackoff(@CheckForNull final Duration configured) {
        if (configured == null || configured.isZero() || configured.isNegative()) {
            LOGGER.warning(() -> MAX_BACKOFF_PROPERTY + "=" + configured + " is not a positive duration; using "
                    + Outbox.DEFAULT_MAX_BACKOFF);
            return Outbox.DEFAULT_MAX_BACKOFF;
        }
        return configured;
    }

    /**
     * Returns the ceiling of the first backoff: the default, unless the cap is shorter.
     *
     * @param maxBackoff the cap
     * @return the first backoff's ceiling, never longer than the cap
     */
    static Duration firstBackoff(final Duration maxBackoff) {
        return maxBackoff.compareTo(Outbox.DEFAULT_INITIAL_BACKOFF) < 0 ? maxBackoff : Outbox.DEFAULT_INITIAL_BACKOFF;
    }

    /** Stops the sender and closes the outbox; queued entries stay on disk for the next start. */
    @Terminator
    public static synchronized void stop() {
        Opened opened = current;
        current = null;
        if (opened != null) {
            opened.sender().close();
            opened.outbox().close();
        }
    }

    /**
     * Returns the open outbox.
     *
     * @return the outbox, empty before start-up or when it could not be opened
     */
    public static Optional<Outbox> get() {
        Opened opened = current;
        return opened == null ? Optional.empty() : Optional.of(opened.outbox());
    }
}
