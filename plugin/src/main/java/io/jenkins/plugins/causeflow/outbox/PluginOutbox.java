package io.jenkins.plugins.causeflow.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxSender;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import java.io.IOException;
import java.nio.file.Path;
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
            Outbox outbox = Outbox.builder(directory)
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
