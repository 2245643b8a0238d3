package io.causeflow.client.investigation;

import io.causeflow.client.Redactor;
import io.causeflow.client.events.CauseFlowEvent;
import io.causeflow.client.events.EventListener;
import io.causeflow.client.events.EventSubscription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one subscription per process: owns one {@link io.causeflow.client.events.EventStreamClient} subscription
 * (reconnect, backoff, heartbeat timeout), feeds its events to the {@link InvestigationRouter}, and keeps two small
 * files in its state directory: {@value #INDEX_FILE} (the {@link IncidentIndex}) and {@value #LAST_EVENT_ID_FILE}
 * (so that a restart resumes with {@code Last-Event-ID}). {@link #configure} starts, restarts (when the settings
 * changed) or stops the subscription; waiters and the index survive a restart of the subscription.
 *
 * <p>The saved last event id is written at most every {@link #SAVE_DELAY} and always on stop, and only after the
 * event was applied to its targets: after a crash the stream replays a little more than needed, which the
 * timelines ignore as duplicates, and nothing is skipped. Threads: the HTTP client's for events, plus one daemon
 * thread for the delayed saves.
 */
public final class InvestigationUpdates implements AutoCloseable {
    /** The index's file name in the state directory. */
    public static final String INDEX_FILE = "incident-index.json";
    /** The last event id's file name in the state directory. */
    public static final String LAST_EVENT_ID_FILE = "last-event-id.json";
    /** Longest delay between applying an event and saving its id (or registering an incident and saving the index). */
    public static final Duration SAVE_DELAY = Duration.ofSeconds(1);

    private final Path stateDirectory;
    private final Clock clock;
    private final IncidentIndex index;
    private final InvestigationRouter router;
    private final LastEventIdStore lastEventIds;
    private final ScheduledExecutorService saver;
    private final AtomicBoolean saveScheduled = new AtomicBoolean();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong subscriptionsStarted = new AtomicLong();

    private Optional<StreamSettings> settings = Optional.empty();
    private Optional<Connection> connection = Optional.empty();
    private volatile UpdatesStatus.State state = UpdatesStatus.State.STOPPED;
    private volatile String message = "";
    private volatile Optional<String> lastEventId = Optional.empty();
    private boolean closed;
    /** The index file was missing or damaged at start: the caller should {@link #restore} it from its records. */
    private final boolean indexNeedsRebuild;

    private InvestigationUpdates(final Path stateDirectory, final IncidentIndex index,
            final InvestigationTargets targets, final Clock clock, final String loadProblem,
            final boolean indexNeedsRebuild) {
        this.stateDirectory = stateDirectory;
        this.indexNeedsRebuild = indexNeedsRebuild;
        this.clock = clock;
        this.index = index;
        this.router = new InvestigationRouter(index, targets, clock);
        this.lastEventIds = LastEventIdStore.at(stateDirectory.resolve(LAST_EVENT_ID_FILE));
        this.message = loadProblem;
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "causeflow-investigation-state");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Loads the index from the state directory (a damaged index file is moved aside as
     * {@code incident-index.json.damaged-<millis>}, kept, and reported in {@link #status()}; the caller rebuilds
     * the index with {@link #restore} when {@link #indexNeedsRebuild()}). Starts nothing: call {@link #configure}.
     *
     * @param stateDirectory where the two files live (created when needed)
     * @param targets where timelines are kept
     * @param clock the time source
     * @return the service, stopped
     */
    public static InvestigationUpdates create(final Path stateDirectory, final InvestigationTargets targets,
            final Clock clock) {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(clock, "clock");
        Path indexFile = stateDirectory.resolve(INDEX_FILE);
        String problem = "";
        IncidentIndex index;
        boolean missing = !Files.exists(indexFile);
        try {
            index = IncidentIndex.load(indexFile, IncidentIndex.DEFAULT_MAX_ENTRIES, IncidentIndex.DEFAULT_MAX_AGE,
                    clock);
        }
        catch (IOException e) {
            index = IncidentIndex.create(IncidentIndex.DEFAULT_MAX_ENTRIES, IncidentIndex.DEFAULT_MAX_AGE, clock);
            Path aside = indexFile.resolveSibling(INDEX_FILE + ".damaged-" + clock.millis());
            problem = "the incident index could not be read and starts empty (" + e.getMessage() + ")";
            try {
                Files.move(indexFile, aside, StandardCopyOption.REPLACE_EXISTING);
                problem += "; the file was kept as " + aside.getFileName();
            }
            catch (IOException moveFailure) {
                problem += "; it could not be moved aside: " + moveFailure.getMessage();
            }
        }
        return new InvestigationUpdates(stateDirectory, index, targets, clock, problem,
                missing || !problem.isEmpty());
    }

    /**
     * Starts, restarts or stops the subscription. Equal settings keep a running subscription; one that ended for
     * good (e.g. the token was refused) is started again.
     *
     * @param next the settings, or empty to stop
     */
    public synchronized void configure(final Optional<StreamSettings> next) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        boolean running = connection.map(open -> open.subscription != null && !open.subscription.isClosed())
                .orElse(false);
        if (next.equals(settings) && (next.isEmpty() || running)) {
            return; // unchanged; a subscription that ended for good (token refused) is retried, though
        }
        stopConnection();
        settings = next;
        if (next.isEmpty()) {
            state = UpdatesStatus.State.STOPPED;
            return;
        }
        StreamSettings wanted = next.get();
        String resumeFrom;
        try {
            resumeFrom = lastEventIds.load(wanted.streamIdentity()).orElse("");
        }
        catch (IOException e) {
            resumeFrom = "";
            message = "the saved last event id could not be read; starting from live events (" + e.getMessage()
                    + ")";
        }
        lastEventId = resumeFrom.isEmpty() ? Optional.empty() : Optional.of(resumeFrom);
        Connection started = new Connection(wanted);
        connection = Optional.of(started);
        state = UpdatesStatus.State.CONNECTING;
        subscriptionsStarted.incrementAndGet();
        started.subscription = wanted.client(resumeFrom).subscribe(started);
    }

    /**
     * Remembers that an incident's events go to a target (saved to disk within {@link #SAVE_DELAY}) and applies
     * its events that arrived shortly before; see {@link InvestigationRouter#register}.
     *
     * @param incidentId the incident
     * @param target the caller's key, e.g. a build's externalizable id
     * @throws IllegalArgumentException when a value is blank, too long or has control characters
     */
    public void register(final String incidentId, final String target) {
        router.register(incidentId, target);
        scheduleSave();
    }

    /**
     * Puts back an incident the caller found in its own records (a build's saved outcome), with the time it was
     * first registered, when {@link #indexNeedsRebuild()}. Unlike {@link #register} it applies no buffered events:
     * what was missed while the index was gone is replayed by the stream from the last event id.
     *
     * @param incidentId the incident
     * @param target the caller's key
     * @param registeredAt when the incident was first registered; beyond the index's age bound it is ignored
     * @throws IllegalArgumentException when a value is blank, too long or has control characters
     */
    public void restore(final String incidentId, final String target, final Instant registeredAt) {
        index.register(incidentId, target, registeredAt);
        scheduleSave();
    }

    /**
     * @return true when the index file was missing or could not be read at start, so that the index holds only
     *         what was registered since; the caller rebuilds it with {@link #restore}
     */
    public boolean indexNeedsRebuild() {
        return indexNeedsRebuild;
    }

    /**
     * Waits, without a thread, for a target's timeline to meet a condition; see {@link InvestigationRouter#await}.
     *
     * @param target the target key
     * @param incidentId the incident
     * @param condition what to wait for
     * @param timeout the longest wait
     * @param current reads the target's timeline now
     * @return the future
     */
    public CompletableFuture<InvestigationTimeline> await(final String target, final String incidentId,
            final WaitFor condition, final Duration timeout, final Supplier<Optional<InvestigationTimeline>> current) {
        return router.await(target, incidentId, condition, timeout, current);
    }

    /** @return the router */
    public InvestigationRouter router() {
        return router;
    }

    /** @return the index */
    public IncidentIndex index() {
        return index;
    }

    /** @return the state directory */
    public Path stateDirectory() {
        return stateDirectory;
    }

    /** @return a snapshot for a status page */
    public UpdatesStatus status() {
        return new UpdatesStatus(state, message, lastEventId, applied.get(), ignored.get(), index.size(),
                router.waiting(), subscriptionsStarted.get());
    }

    /** Stops the subscription and saves the index and the last event id now. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            stopConnection();
            settings = Optional.empty();
            state = UpdatesStatus.State.STOPPED;
            closed = true;
        }
        saver.shutdownNow();
        saveNow();
    }

    private void stopConnection() {
        if (connection.isPresent()) {
            Connection stopping = connection.get();
            connection = Optional.empty();
            stopping.stopped = true;
            EventSubscription subscription = stopping.subscription;
            if (subscription != null) {
                subscription.close();
            }
            saveNow();
            stopping.saveLastEventId(); // no longer the current connection, which saveNow() covers
        }
    }

    private void scheduleSave() {
        if (saveScheduled.compareAndSet(false, true)) {
            try {
                saver.schedule(this::saveNow, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (RejectedExecutionException e) {
                saveScheduled.set(false); // closing: close() saves
            }
        }
    }

    /** Saves what changed; synchronized so that two saves never interleave their files. */
    private synchronized void saveNow() {
        saveScheduled.set(false);
        if (index.isDirty()) {
            try {
                index.save(stateDirectory.resolve(INDEX_FILE));
            }
            catch (IOException e) {
                message = "cannot save the incident index: " + e.getMessage();
            }
        }
        for (Connection open : connection.stream().toList()) {
            open.saveLastEventId();
        }
    }

    /** One subscription's listener; after {@link #stopped} its late callbacks change nothing. */
    private final class Connection implements EventListener {
        private final StreamSettings settings;
        private final Redactor redactor;
        private volatile EventSubscription subscription;
        private volatile boolean stopped;
        private volatile String unsavedId = "";

        Connection(final StreamSettings settings) {
            this.settings = settings;
            this.redactor = Redactor.of(settings.token().reveal());
        }

        @Override
        public void onEvent(final CauseFlowEvent event) {
            if (stopped) {
                return;
            }
            InvestigationRouter.Outcome outcome = router.route(event, settings.tenantId());
            if (outcome == InvestigationRouter.Outcome.APPLIED) {
                applied.incrementAndGet();
            }
            else if (outcome == InvestigationRouter.Outcome.UNKNOWN_INCIDENT
                    || outcome == InvestigationRouter.Outcome.OTHER_TENANT) {
                ignored.incrementAndGet();
            }
            // A ping repeats the previous event's id (SSE ids persist across frames): nothing new to save then.
            Optional<String> id = event.meta().id().filter(LastEventIdStore::isValid)
                    .filter(next -> !lastEventId.equals(Optional.of(next)));
            if (id.isPresent() && !stopped) {
                lastEventId = id;
                unsavedId = id.get();
                scheduleSave();
            }
        }

        @Override
        public void onConnected() {
            if (!stopped) {
                state = UpdatesStatus.State.CONNECTED;
            }
        }

        @Override
        public void onDisconnected(final String reason, final Duration reconnectIn) {
            if (!stopped) {
                state = UpdatesStatus.State.RECONNECTING;
                message = redactor.redact("stream interrupted (" + reason + "); reconnecting in "
                        + reconnectIn.toMillis() + " ms");
            }
        }

        @Override
        public void onClosed(final CloseReason reason, final String detail) {
            if (!stopped && reason != CloseReason.CLOSED_BY_CALLER) {
                state = UpdatesStatus.State.FAILED;
                message = redactor.redact("stream ended: " + detail);
            }
        }

        /** Called under the service's lock. */
        void saveLastEventId() {
            String id = unsavedId;
            if (id.isEmpty()) {
                return;
            }
            try {
                lastEventIds.save(settings.streamIdentity(), id);
                if (unsavedId.equals(id)) {
                    unsavedId = "";
                }
            }
            catch (IOException e) {
                message = "cannot save the last event id: " + e.getMessage();
            }
        }
    }
}
