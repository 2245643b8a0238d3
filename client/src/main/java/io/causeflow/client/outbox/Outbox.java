package io.causeflow.client.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.CauseFlowClient;
import io.causeflow.client.DeliveryOutcome;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * A durable outbox in one directory: {@code pending/} (waiting for the sender), {@code dead/} (given up, never
 * retried automatically), {@code quarantine/} (files that are not intact entries, with a {@code .reason.txt}).
 * One file per alert ({@link EntryFile}), each written atomically ({@link AtomicFiles}); no secret is stored.
 * Bounded in entries and bytes: past the bound the oldest pending entries move to {@code dead/} ("outbox full")
 * and {@code dead/} itself drops its oldest entries. One process at a time (a lock file says so).
 *
 * <p>Thread-safe. {@link #enqueue} is safe from any thread and does no network I/O (one fsynced write);
 * {@link #startSender} drains it on one background thread; {@link #deliverDue} drains it on the caller's
 * thread (command line {@code flush}, tests).
 */
public final class Outbox implements AutoCloseable {
    /** Default bound on pending (and, separately, dead) entries. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Default bound on the bytes of pending (and, separately, dead) entry files. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Default time a retryable entry keeps being retried before it moves to dead/. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
    /** Default ceiling of the first backoff. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(2);
    /** Default largest backoff: a few minutes, so a recovered service gets its alerts soon. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    /** Default timeout of one attempt. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /** Default number of requests in flight during a drain (one thread, asynchronous requests). */
    public static final int DEFAULT_PARALLELISM = 8;
    /** A server's {@code Retry-After: 0} still waits this long, so a confused server is not hammered. */
    static final Duration MIN_HINTED_WAIT = Duration.ofSeconds(1);

    private final Path directory;
    private final Path pendingDir;
    private final Path deadDir;
    private final Path quarantineDir;
    private final int maxEntries;
    private final long maxBytes;
    private final Duration maxAge;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration attemptTimeout;
    private final int parallelism;
    private final boolean fsync;
    @CheckForNull
    private final HttpClient httpClient;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final OutboxListener listener;
    private final Consumer<String> warnings;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private final Object monitor = new Object();
    private final TreeMap<String, Slot> pending = new TreeMap<>();
    private final TreeSet<Slot> schedule = new TreeSet<>(Comparator.comparing((Slot s) -> s.entry.nextAttemptAt())
            .thenComparing(s -> s.entry.id()));
    private final TreeMap<String, Slot> dead = new TreeMap<>();
    private long pendingBytes;
    private long deadBytes;
    private final AtomicLong sequence = new AtomicLong();
    private volatile Runnable wakeHook = () -> { };
    private volatile boolean closed;

    /** An entry in memory: its header and the size of its file. */
    private static final class Slot {
        private OutboxEntry entry;
        private final long fileBytes;
        private boolean inFlight;

        Slot(final OutboxEntry entry, final long fileBytes) {
            this.entry = entry;
            this.fileBytes = fileBytes;
        }
    }

    /** Something to tell the listener once the monitor is released. */
    private record Event(OutboxEntry entry, @CheckForNull DeliveryOutcome delivered, boolean retry) {
    }

    private Outbox(final Builder builder) throws IOException {
        this.directory = builder.directory.toAbsolutePath().normalize();
        this.pendingDir = directory.resolve("pending");
        this.deadDir = directory.resolve("dead");
        this.quarantineDir = directory.resolve("quarantine");
        this.maxEntries = builder.maxEntries;
        this.maxBytes = builder.maxBytes;
        this.maxAge = builder.maxAge;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.attemptTimeout = builder.attemptTimeout;
        this.parallelism = builder.parallelism;
        this.fsync = builder.fsync;
        this.httpClient = builder.httpClient; // null: the shared default, created only when something is sent
        this.clock = builder.clock;
        this.jitter = builder.jitter;
        this.listener = builder.listener;
        this.warnings = builder.warnings;
        try {
            Files.createDirectories(pendingDir);
            Files.createDirectories(deadDir);
            Files.createDirectories(quarantineDir);
        }
        catch (IOException e) {
            throw new OutboxException("cannot create the outbox directory " + directory + ": " + Attempt.describe(e), e);
        }
        this.lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new OutboxException("the outbox " + directory + " is in use by another process or Outbox");
        }
        this.lock = acquired;
        try {
            load();
        }
        catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param directory the outbox directory; created when missing, must be on a local disk (fsync and rename)
     * @return a builder with the defaults
     */
    public static Builder builder(final Path directory) {
        return new Builder(directory);
    }

    /** @return the outbox directory */
    public Path directory() {
        return directory;
    }

    // ---------------------------------------------------------------- start

    private void load() throws IOException {
        int temps = 0;
        for (Path dir : List.of(pendingDir, deadDir, quarantineDir)) {
            for (Path file : list(dir)) {
                if (file.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                    temps++;
                }
            }
        }
        if (temps > 0) {
            warn("outbox " + directory + ": removed " + temps + " unfinished temporary file(s) left by an "
                    + "interrupted write; the alerts they were for had not been queued");
        }
        for (Path file : entryFiles(deadDir)) {
            readIntoIndex(file, OutboxEntry.State.DEAD);
        }
        for (Path file : entryFiles(pendingDir)) {
            readIntoIndex(file, OutboxEntry.State.PENDING);
        }
        synchronized (monitor) {
            enforceDeadBound();
        }
    }

    private void readIntoIndex(final Path file, final OutboxEntry.State state) throws IOException {
        EntryFile.Stored stored;
        try {
            stored = EntryFile.read(file, state);
        }
        catch (EntryFile.CorruptEntryException e) {
            quarantine(file, e.getMessage());
            return;
        }
        catch (NoSuchFileException e) {
            return;
        }
        OutboxEntry entry = stored.entry();
        long size = Files.size(file);
        synchronized (monitor) {
            Slot twin = state == OutboxEntry.State.PENDING ? dead.get(entry.id()) : null;
            if (twin != null) {
                // A move between pending/ and dead/ was cut short: both copies exist; the later rewrite wins.
                if (twin.entry.revision() >= entry.revision()) {
                    Files.deleteIfExists(file);
                    return;
                }
                Files.deleteIfExists(deadDir.resolve(file.getFileName()));
                dead.remove(entry.id());
                deadBytes -= twin.fileBytes;
            }
            Slot slot = new Slot(entry, size);
            if (state == OutboxEntry.State.PENDING) {
                pending.put(entry.id(), slot);
                schedule.add(slot);
                pendingBytes += size;
            }
            else {
                dead.put(entry.id(), slot);
                deadBytes += size;
            }
        }
    }

    // ---------------------------------------------------------------- enqueue

    /**
     * Stores an alert durably: when this returns, the entry survives a crash or power cut, and the sender will
     * deliver it. No network I/O. May move the oldest pending entries to {@code dead/} when the outbox is full.
     *
     * @param alert what to send later
     * @return the stored entry
     * @throws OutboxException when nothing could be stored (disk full, directory not writable, outbox closed,
     *         alert larger than the byte bound); the message names the alert and the directory
     */
    public OutboxEntry enqueue(final QueuedAlert alert) throws OutboxException {
        Objects.requireNonNull(alert, "alert");
        if (closed) {
            throw new OutboxException("cannot queue alert " + alert.sourceAlertId() + ": the outbox " + directory
                    + " is closed");
        }
        Instant now = clock.instant();
        String id = newId(now);
        OutboxEntry entry = OutboxEntry.queued(id, alert, now);
        byte[] file = EntryFile.encode(entry, alert.bodyShared());
        if (file.length > maxBytes) {
            throw new OutboxException("cannot queue alert " + alert.sourceAlertId() + ": its " + file.length
                    + " bytes exceed the outbox bound of " + maxBytes + " bytes");
        }
        try {
            AtomicFiles.write(pendingDir, EntryFile.fileName(id), file, fsync);
        }
        catch (IOException | RuntimeException e) {
            throw new OutboxException("cannot queue alert " + alert.sourceAlertId() + " in " + pendingDir + ": "
                    + Attempt.describe(e) + "; nothing was queued", e);
        }
        List<Event> events = new ArrayList<>();
        synchronized (monitor) {
            Slot slot = new Slot(entry, file.length);
            pending.put(id, slot);
            schedule.add(slot);
            pendingBytes += file.length;
            enforcePendingBound(id, events);
        }
        dispatch(events);
        wakeHook.run();
        return entry;
    }

    private String newId(final Instant now) {
        // Ids sort by queue time (the eviction order); the random part keeps two processes' ids apart.
        return String.format(java.util.Locale.ROOT, "%013d-%06d-%08x", now.toEpochMilli(),
                sequence.incrementAndGet() % 1_000_000, ThreadLocalRandom.current().nextInt());
    }

    // ---------------------------------------------------------------- inspect and operate

    /** @return the pending entries, oldest first (no body, no secret) */
    public List<OutboxEntry> pending() {
        synchronized (monitor) {
            return pending.values().stream().map(s -> s.entry).toList();
        }
    }

    /** @return the dead entries, oldest first */
    public List<OutboxEntry> dead() {
        synchronized (monitor) {
            return dead.values().stream().map(s -> s.entry).toList();
        }
    }

    /**
     * @param id an entry id
     * @return the pending or dead entry with that id
     */
    public Optional<OutboxEntry> find(final String id) {
        synchronized (monitor) {
            Slot slot = pending.containsKey(id) ? pending.get(id) : dead.get(id);
            return slot == null ? Optional.empty() : Optional.of(slot.entry);
        }
    }

    /** @return counts and sizes, for a monitor or a status line */
    public Stats stats() {
        synchronized (monitor) {
            return new Stats(pending.size(), pendingBytes, dead.size(), deadBytes,
                    pending.isEmpty() ? null : pending.firstEntry().getValue().entry.firstQueuedAt());
        }
    }

    /**
     * Counts and sizes.
     *
     * @param pendingEntries entries waiting
     * @param pendingBytes their file bytes
     * @param deadEntries dead entries
     * @param deadBytes their file bytes
     * @param oldestPendingQueuedAt when the oldest pending entry was queued, or null
     */
    public record Stats(int pendingEntries, long pendingBytes, int deadEntries, long deadBytes,
            @CheckForNull Instant oldestPendingQueuedAt) {
    }

    /**
     * Makes an entry due now. A dead entry moves back to {@code pending/} with a fresh maximum age (an
     * administrator fixed what killed it).
     *
     * @param id the entry id
     * @return false when there is no such entry
     * @throws OutboxException when a dead entry cannot be moved back
     */
    public boolean retryNow(final String id) throws OutboxException {
        List<Event> events = new ArrayList<>();
        boolean found;
        synchronized (monitor) {
            found = makeDue(id, clock.instant(), events);
        }
        dispatch(events);
        wakeHook.run();
        return found;
    }

    /**
     * Makes every pending and dead entry due now.
     *
     * @return how many entries were affected
     * @throws OutboxException when a dead entry cannot be moved back
     */
    public int retryAllNow() throws OutboxException {
        List<Event> events = new ArrayList<>();
        int count = 0;
        synchronized (monitor) {
            Instant now = clock.instant();
            for (String id : new ArrayList<>(dead.keySet())) {
                count += makeDue(id, now, events) ? 1 : 0;
            }
            for (String id : new ArrayList<>(pending.keySet())) {
                count += makeDue(id, now, events) ? 1 : 0;
            }
        }
        dispatch(events);
        wakeHook.run();
        return count;
    }

    private boolean makeDue(final String id, final Instant now, final List<Event> events) throws OutboxException {
        Slot slot = pending.get(id);
        if (slot != null) {
            if (!slot.inFlight) {
                schedule.remove(slot);
                slot.entry = slot.entry.dueAt(now);
                schedule.add(slot);
            }
            return true;
        }
        Slot deadSlot = dead.get(id);
        if (deadSlot == null) {
            return false;
        }
        Path source = deadDir.resolve(EntryFile.fileName(id));
        try {
            EntryFile.Stored stored = EntryFile.read(source, OutboxEntry.State.DEAD);
            OutboxEntry revived = deadSlot.entry.revived(now);
            byte[] file = EntryFile.encode(revived, stored.body());
            AtomicFiles.write(pendingDir, EntryFile.fileName(id), file, fsync);
            Files.deleteIfExists(source);
            syncDirectory(deadDir);
            dead.remove(id);
            deadBytes -= deadSlot.fileBytes;
            Slot fresh = new Slot(revived, file.length);
            pending.put(id, fresh);
            schedule.add(fresh);
            pendingBytes += file.length;
            enforcePendingBound(id, events);
            return true;
        }
        catch (EntryFile.CorruptEntryException e) {
            dead.remove(id);
            deadBytes -= deadSlot.fileBytes;
            quarantine(source, e.getMessage());
            throw new OutboxException("dead entry " + id + " is damaged and was quarantined: " + e.getMessage());
        }
        catch (IOException e) {
            throw new OutboxException("cannot move dead entry " + id + " back to " + pendingDir + ": "
                    + Attempt.describe(e), e);
        }
    }

    /**
     * Deletes an entry (pending or dead) for good; if it is being sent right now, that attempt finishes but
     * its result is no longer recorded.
     *
     * @param id the entry id
     * @return false when there is no such entry
     * @throws OutboxException when the file cannot be deleted
     */
    public boolean discard(final String id) throws OutboxException {
        synchronized (monitor) {
            Slot slot = pending.get(id);
            Path dir = pendingDir;
            if (slot == null) {
                slot = dead.get(id);
                dir = deadDir;
            }
            if (slot == null) {
                return false;
            }
            try {
                Files.deleteIfExists(dir.resolve(EntryFile.fileName(id)));
                syncDirectory(dir);
            }
            catch (IOException e) {
                throw new OutboxException("cannot discard entry " + id + ": " + Attempt.describe(e), e);
            }
            if (dir == pendingDir) {
                forgetPending(slot);
            }
            else {
                dead.remove(id);
                deadBytes -= slot.fileBytes;
            }
            return true;
        }
    }

    /** @return when the next pending entry not being sent is due, empty when none waits */
    public Optional<Instant> nextDue() {
        synchronized (monitor) {
            return schedule.isEmpty() ? Optional.empty() : Optional.of(schedule.first().entry.nextAttemptAt());
        }
    }

    // ---------------------------------------------------------------- delivery

    /**
     * Starts the background sender: one thread that drains due entries, then sleeps until the next one is due
     * or {@link #enqueue}/{@link #retryNow} wakes it.
     *
     * @param resolver turns credential ids into secrets at send time
     * @return the running sender; close it before closing the outbox
     */
    public OutboxSender startSender(final CredentialResolver resolver) {
        return OutboxSender.start(this, resolver);
    }

    void wakeHook(final Runnable hook) {
        this.wakeHook = hook;
    }

    /**
     * Tries every entry that is due now once, on this thread, with up to {@code parallelism} requests in
     * flight; returns when none of the entries due at the start remains untried.
     *
     * @param resolver turns credential ids into secrets
     * @return what happened
     */
    public DrainResult deliverDue(final CredentialResolver resolver) {
        return deliverDue(resolver, () -> false);
    }

    DrainResult deliverDue(final CredentialResolver resolver, final BooleanSupplier stop) {
        Objects.requireNonNull(resolver, "resolver");
        Set<String> tried = new HashSet<>();
        int[] counts = new int[4]; // delivered, dead, retry later, quarantined
        // A sliding window on this one thread: up to `parallelism` requests in flight, and as soon as one
        // finishes the next due entry starts, so one slow answer does not hold up the others.
        LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        Map<Slot, CompletableFuture<Attempt.Result>> inFlight = new HashMap<>();
        while (true) {
            boolean accepting = !closed && !stop.getAsBoolean() && !Thread.currentThread().isInterrupted();
            while (accepting && inFlight.size() < parallelism) {
                List<Slot> claimed = claim(clock.instant(), 1, tried);
                if (claimed.isEmpty()) {
                    break;
                }
                Slot slot = claimed.get(0);
                tried.add(slot.entry.id());
                Prepared prepared = prepare(slot, resolver);
                CompletableFuture<Attempt.Result> future = prepared.future
                        .orTimeout(attemptTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                inFlight.put(slot, future);
                future.whenComplete((result, error) -> finished.add(new Finished(slot, prepared.body, result,
                        error)));
            }
            if (inFlight.isEmpty()) {
                break;
            }
            Finished done;
            try {
                done = finished.take();
            }
            catch (InterruptedException e) {
                // Stopping: entries in flight stay pending, unchanged; their late answers are ignored.
                inFlight.forEach((slot, future) -> {
                    future.cancel(true);
                    release(slot);
                });
                Thread.currentThread().interrupt();
                break;
            }
            inFlight.remove(done.slot());
            complete(done.slot(), done.body(), done.result(), counts);
        }
        return new DrainResult(counts[0], counts[1], counts[2], counts[3]);
    }

    /** An attempt that finished (or failed to), waiting to be recorded by the draining thread. */
    private record Finished(Slot slot, byte[] body, Attempt.Result result) {
        Finished(final Slot slot, final byte[] body, @CheckForNull final Attempt.Result result,
                @CheckForNull final Throwable error) {
            this(slot, body, result != null ? result : new Attempt.Result(Attempt.Kind.RETRY, 0, null, null,
                    error instanceof TimeoutException
                            || error != null && error.getCause() instanceof TimeoutException
                            ? "no complete response in time"
                            : "unexpected error: " + (error == null ? "none" : error.getClass().getSimpleName())));
        }
    }

    /**
     * What one {@link #deliverDue} pass did.
     *
     * @param delivered entries delivered (accepted or duplicate) and removed
     * @param dead entries moved to dead/
     * @param retryLater entries that failed with transient trouble and stay pending
     * @param quarantined files found damaged and moved to quarantine/
     */
    public record DrainResult(int delivered, int dead, int retryLater, int quarantined) {
    }

    private List<Slot> claim(final Instant now, final int max, final Set<String> tried) {
        synchronized (monitor) {
            List<Slot> batch = new ArrayList<>();
            List<Slot> skipped = new ArrayList<>();
            while (!schedule.isEmpty() && batch.size() < max) {
                Slot first = schedule.first();
                if (first.entry.nextAttemptAt().isAfter(now)) {
                    break;
                }
                schedule.pollFirst();
                if (tried.contains(first.entry.id())) {
                    skipped.add(first);
                    continue;
                }
                first.inFlight = true;
                batch.add(first);
            }
            schedule.addAll(skipped);
            return batch;
        }
    }

    private void release(final Slot slot) {
        synchronized (monitor) {
            slot.inFlight = false;
            if (pending.get(slot.entry.id()) == slot) {
                schedule.add(slot);
            }
        }
    }

    /** The body read from disk and the attempt under way (or its immediate verdict). */
    private record Prepared(byte[] body, CompletableFuture<Attempt.Result> future) {
    }

    private static final byte[] NO_BODY = new byte[0];

    private Prepared prepare(final Slot slot, final CredentialResolver resolver) {
        OutboxEntry entry = slot.entry;
        Path file = pendingDir.resolve(EntryFile.fileName(entry.id()));
        byte[] body;
        try {
            body = EntryFile.read(file, OutboxEntry.State.PENDING).body();
        }
        catch (NoSuchFileException e) {
            return new Prepared(NO_BODY, verdict(Attempt.Kind.GONE, "discarded"));
        }
        catch (EntryFile.CorruptEntryException e) {
            return new Prepared(NO_BODY, verdict(Attempt.Kind.DAMAGED, e.getMessage()));
        }
        catch (IOException e) {
            return new Prepared(NO_BODY, verdict(Attempt.Kind.RETRY, "cannot read the entry file: "
                    + Attempt.describe(e)));
        }
        String apiKey;
        String secret;
        try {
            apiKey = resolveSecret(resolver, entry.apiKeyCredentialId(), entry);
            secret = resolveSecret(resolver, entry.webhookSecretCredentialId(), entry);
        }
        catch (CredentialUnavailableException e) {
            return new Prepared(body, verdict(e.isFinal() ? Attempt.Kind.FINAL : Attempt.Kind.RETRY,
                    "credentials: " + e.getMessage()));
        }
        catch (RuntimeException e) {
            return new Prepared(body, verdict(Attempt.Kind.RETRY, "credential lookup failed ("
                    + e.getClass().getSimpleName() + ")"));
        }
        String key = apiKey.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return new Prepared(body, verdict(Attempt.Kind.FINAL, "credentials: the API key "
                        + entry.apiKeyCredentialId() + " contains a character not allowed in an HTTP header"
                        + " (position " + i + ")"));
            }
        }
        HttpClient http = httpClient == null ? CauseFlowClient.defaultHttpClient() : httpClient;
        try {
            return new Prepared(body, Attempt.send(http, entry, body, key, secret, attemptTimeout, clock));
        }
        catch (RuntimeException e) {
            // e.g. an endpoint the HTTP client refuses: no attempt can ever succeed. Only the type is kept, since
            // a message about request headers could quote one.
            return new Prepared(body, verdict(Attempt.Kind.FINAL, "cannot build the request to " + entry.endpoint()
                    + " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private static String resolveSecret(final CredentialResolver resolver, final String id, final OutboxEntry entry)
            throws CredentialUnavailableException {
        String value = resolver.resolve(id, entry);
        if (value == null || value.isEmpty()) {
            throw CredentialUnavailableException.permanently("credential " + id + " resolved to no value");
        }
        return value;
    }

    private static CompletableFuture<Attempt.Result> verdict(final Attempt.Kind kind, final String message) {
        return CompletableFuture.completedFuture(new Attempt.Result(kind, 0, null, null, message));
    }

    private void complete(final Slot slot, final byte[] body, final Attempt.Result result, final int[] counts) {
        List<Event> events = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (monitor) {
            slot.inFlight = false;
            boolean current = pending.get(slot.entry.id()) == slot;
            OutboxEntry entry = slot.entry;
            if (result.kind() == Attempt.Kind.GONE) {
                if (current) {
                    forgetPending(slot);
                }
            }
            else if (result.kind() == Attempt.Kind.DAMAGED) {
                if (current) {
                    forgetPending(slot);
                    quarantine(pendingDir.resolve(EntryFile.fileName(entry.id())), result.message());
                    counts[3]++;
                }
            }
            else if (result.kind() == Attempt.Kind.ACCEPTED || result.kind() == Attempt.Kind.DUPLICATE) {
                if (current) {
                    forgetPending(slot);
                    try {
                        // A lost unlink (crash before the folder is synced) only means one more POST, answered
                        // 409: so no directory fsync on this hot path.
                        Files.deleteIfExists(pendingDir.resolve(EntryFile.fileName(entry.id())));
                    }
                    catch (IOException e) {
                        warn("outbox: delivered entry " + entry.id() + " could not be deleted ("
                                + Attempt.describe(e) + "); it will be sent again and answered 409");
                    }
                }
                counts[0]++;
                events.add(new Event(entry, outcome(entry, result, now), false));
            }
            else if (!current) {
                return; // discarded or evicted while in flight: nothing left to record
            }
            else if (result.kind() == Attempt.Kind.FINAL) {
                if (moveToDead(slot, body, result.message() + "; not retried automatically", now, events)) {
                    counts[1]++;
                }
            }
            else {
                Instant deadline = entry.retryWindowStart().plus(maxAge);
                String error = result.message();
                if (!now.isBefore(deadline)) {
                    OutboxEntry tried = entry.afterFailedAttempt(error, now);
                    slot.entry = tried;
                    if (moveToDead(slot, body, "not delivered within the maximum age of " + human(maxAge) + " ("
                            + tried.attempts() + " attempts); last error: " + error, now, events)) {
                        counts[1]++;
                    }
                }
                else {
                    Instant next = now.plus(wait(entry.attempts() + 1, result.retryAfter()));
                    if (next.isAfter(deadline)) {
                        next = deadline; // one last attempt when the maximum age is reached
                    }
                    OutboxEntry updated = entry.afterFailedAttempt(error, next);
                    try {
                        if (body.length > 0) {
                            AtomicFiles.write(pendingDir, EntryFile.fileName(entry.id()),
                                    EntryFile.encode(updated, body), fsync);
                        }
                    }
                    catch (IOException e) {
                        warn("outbox: cannot record the failed attempt of " + entry.id() + " ("
                                + Attempt.describe(e) + "); retrying as planned");
                    }
                    slot.entry = updated;
                    schedule.add(slot);
                    counts[2]++;
                    events.add(new Event(updated, null, true));
                }
            }
        }
        dispatch(events);
    }

    private Duration wait(final int attempts, @CheckForNull final Duration hint) {
        if (hint != null) {
            return hint.compareTo(MIN_HINTED_WAIT) < 0 ? MIN_HINTED_WAIT : hint;
        }
        // Exponential with equal jitter: between half and all of the ceiling, so retries of many entries
        // spread out, yet none comes back almost at once.
        long ceiling = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        ceiling = Math.min(ceiling, maxBackoff.toMillis());
        double factor = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        return Duration.ofMillis(Math.round(ceiling * (0.5 + 0.5 * factor)));
    }

    private static DeliveryOutcome outcome(final OutboxEntry entry, final Attempt.Result result, final Instant now) {
        Duration elapsed = entry.age(now);
        int attempts = entry.attempts() + 1;
        if (result.kind() == Attempt.Kind.ACCEPTED) {
            return DeliveryOutcome.accepted(result.httpStatus(), Optional.ofNullable(result.incidentId()), attempts,
                    result.message(), Optional.of(entry.sourceAlertId()), elapsed);
        }
        return DeliveryOutcome.duplicate(Optional.ofNullable(result.incidentId()), Optional.empty(), attempts,
                result.message(), Optional.of(entry.sourceAlertId()), elapsed);
    }

    // ---------------------------------------------------------------- bounds and moves (hold the monitor)

    private void forgetPending(final Slot slot) {
        pending.remove(slot.entry.id());
        schedule.remove(slot);
        pendingBytes -= slot.fileBytes;
    }

    private void enforcePendingBound(final String keep, final List<Event> events) {
        while (pending.size() > maxEntries || pendingBytes > maxBytes) {
            Slot oldest = null;
            for (Slot slot : pending.values()) {
                if (!slot.inFlight && !slot.entry.id().equals(keep)) {
                    oldest = slot;
                    break;
                }
            }
            if (oldest == null) {
                return;
            }
            String reason = "outbox full: " + pending.size() + " pending entries / " + pendingBytes
                    + " bytes exceed the bound of " + maxEntries + " entries / " + maxBytes + " bytes";
            warn("WARNING outbox " + directory + " is full: moved the oldest pending alert "
                    + oldest.entry.sourceAlertId() + " (entry " + oldest.entry.id() + ") to dead/");
            if (!moveToDead(oldest, null, reason, clock.instant(), events)) {
                forgetPending(oldest); // unreadable: already quarantined or gone
            }
        }
    }

    private void enforceDeadBound() {
        while (dead.size() > maxEntries || deadBytes > maxBytes) {
            Map.Entry<String, Slot> oldest = dead.pollFirstEntry();
            deadBytes -= oldest.getValue().fileBytes;
            AtomicFiles.deleteQuietly(deadDir.resolve(EntryFile.fileName(oldest.getKey())));
            warn("WARNING outbox " + directory + ": dead/ is over its bound of " + maxEntries + " entries / "
                    + maxBytes + " bytes; deleted the oldest dead alert " + oldest.getValue().entry.sourceAlertId()
                    + " (entry " + oldest.getKey() + ")");
        }
    }

    /** Writes the entry into dead/ with its reason, then removes it from pending/. */
    private boolean moveToDead(final Slot slot, @CheckForNull final byte[] knownBody, final String reason,
            final Instant now, final List<Event> events) {
        OutboxEntry entry = slot.entry;
        Path source = pendingDir.resolve(EntryFile.fileName(entry.id()));
        try {
            byte[] body = knownBody != null && knownBody.length > 0 ? knownBody
                    : EntryFile.read(source, OutboxEntry.State.PENDING).body();
            OutboxEntry deadEntry = entry.dead(reason, now);
            byte[] file = EntryFile.encode(deadEntry, body);
            AtomicFiles.write(deadDir, EntryFile.fileName(entry.id()), file, fsync);
            Files.deleteIfExists(source);
            syncDirectory(pendingDir);
            forgetPending(slot);
            Slot deadSlot = new Slot(deadEntry, file.length);
            dead.put(entry.id(), deadSlot);
            deadBytes += file.length;
            events.add(new Event(deadEntry, null, false));
            enforceDeadBound();
            return true;
        }
        catch (EntryFile.CorruptEntryException e) {
            forgetPending(slot);
            quarantine(source, e.getMessage());
            return false;
        }
        catch (NoSuchFileException e) {
            forgetPending(slot);
            return false;
        }
        catch (IOException e) {
            warn("outbox: cannot move entry " + entry.id() + " to dead/ (" + Attempt.describe(e) + "); it stays "
                    + "pending. Reason it was to move: " + reason);
            if (!slot.inFlight && pending.get(entry.id()) == slot) {
                schedule.remove(slot);
                slot.entry = entry.dueAt(now.plus(maxBackoff));
                schedule.add(slot);
            }
            return false;
        }
    }

    private void quarantine(final Path file, final String reason) {
        String name = file.getFileName().toString();
        Path target = quarantineDir.resolve(name);
        try {
            if (Files.exists(target)) {
                target = quarantineDir.resolve(name + "." + System.nanoTime());
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(quarantineDir.resolve(target.getFileName() + ".reason.txt"),
                    "moved from " + file + " at " + clock.instant() + ": " + reason + "\n", StandardCharsets.UTF_8);
            warn("WARNING outbox: " + file + " is not an intact entry (" + reason + "); moved to " + target
                    + ", it will not be sent");
        }
        catch (IOException e) {
            warn("WARNING outbox: " + file + " is not an intact entry (" + reason + ") and cannot be moved to "
                    + quarantineDir + " (" + Attempt.describe(e) + "); it is skipped");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void dispatch(final List<Event> events) {
        for (Event event : events) {
            try {
                if (event.delivered() != null) {
                    listener.onDelivered(event.entry(), event.delivered());
                }
                else if (event.retry()) {
                    listener.onRetryScheduled(event.entry());
                }
                else {
                    listener.onDead(event.entry());
                }
            }
            catch (RuntimeException e) {
                warn("outbox listener failed on entry " + event.entry().id() + ": " + e.getClass().getName());
            }
        }
    }

    void warn(final String message) {
        try {
            warnings.accept(message);
        }
        catch (RuntimeException e) {
            // A failing warning sink must not stop the outbox.
        }
    }

    private static String human(final Duration duration) {
        return duration.toHours() > 0 && duration.toMinutesPart() == 0 ? duration.toHours() + " h"
                : duration.toSeconds() + " s";
    }

    private static List<Path> list(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static List<Path> entryFiles(final Path dir) throws IOException {
        return list(dir).stream().filter(f -> f.getFileName().toString().endsWith(EntryFile.SUFFIX)).sorted()
                .toList();
    }

    private void syncDirectory(final Path dir) throws IOException {
        if (fsync) {
            AtomicFiles.syncDirectory(dir);
        }
    }

    Duration attemptTimeout() {
        return attemptTimeout;
    }

    Clock clock() {
        return clock;
    }

    /** Stops accepting alerts and releases the directory lock; close the sender first. */
    @Override
    public void close() {
        closed = true;
        try {
            lock.release();
        }
        catch (IOException e) {
            // The lock goes with the channel anyway.
        }
        try {
            lockChannel.close();
        }
        catch (IOException e) {
            // Nothing to do: the process no longer holds the directory.
        }
    }

    @Override
    public String toString() {
        Stats stats = stats();
        return "Outbox[" + directory + ", pending=" + stats.pendingEntries() + ", dead=" + stats.deadEntries() + "]";
    }

    /** Settings; every value has a default. */
    public static final class Builder {
        private final Path directory;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private int parallelism = DEFAULT_PARALLELISM;
        private boolean fsync = true;
        @CheckForNull
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private OutboxListener listener = OutboxListener.NONE;
        private Consumer<String> warnings = message -> { };

        private Builder(final Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** @param maxEntries bound on pending (and on dead) entries, at least 1 */
        public Builder maxEntries(final int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** @param maxBytes bound on the file bytes of pending (and of dead) entries, at least 64 KiB */
        public Builder maxBytes(final long maxBytes) {
            if (maxBytes < 64 * 1024) {
                throw new IllegalArgumentException("maxBytes must be at least 65536, was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** @param maxAge how long retryable trouble is retried before the entry moves to dead/ */
        public Builder maxAge(final Duration maxAge) {
            this.maxAge = positive("maxAge", maxAge);
            return this;
        }

        /**
         * @param initialBackoff ceiling of the first backoff
         * @param maxBackoff largest ceiling
         * @return this
         */
        public Builder backoff(final Duration initialBackoff, final Duration maxBackoff) {
            positive("initialBackoff", initialBackoff);
            positive("maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
            this.initialBackoff = initialBackoff;
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** @param attemptTimeout how long one attempt waits for the answer */
        public Builder attemptTimeout(final Duration attemptTimeout) {
            this.attemptTimeout = positive("attemptTimeout", attemptTimeout);
            return this;
        }

        /** @param parallelism requests in flight while draining, 1..64 */
        public Builder parallelism(final int parallelism) {
            if (parallelism < 1 || parallelism > 64) {
                throw new IllegalArgumentException("parallelism must be 1..64, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * @param fsync true (default): an enqueue that returned survives a power cut (file and folder fsynced,
         *        ~2 fsyncs per enqueue). false: it survives a crash of this process, not of the machine; for
         *        throw-away CI containers and tmpfs, where a power cut loses the whole runner anyway
         * @return this
         */
        public Builder fsync(final boolean fsync) {
            this.fsync = fsync;
            return this;
        }

        /** @param httpClient e.g. Jenkins' proxy-aware client; default {@link CauseFlowClient#defaultHttpClient()} */
        public Builder httpClient(final HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** @param clock queue times, due times and the maximum age (tests pass a manual clock) */
        public Builder clock(final Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param jitter returns a number in [0, 1) spreading backoffs */
        public Builder jitter(final DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /** @param listener told about deliveries, dead entries and scheduled retries */
        public Builder listener(final OutboxListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param warnings receives one line per problem worth a WARNING in the caller's log (outbox full,
         *        quarantined file, temp files removed); the library itself never prints
         * @return this
         */
        public Builder warnings(final Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /**
         * Opens the outbox: creates the folders, removes stray temp files, reads (and checks) every entry,
         * quarantines damaged files.
         *
         * @return the open outbox
         * @throws IOException when the directory cannot be created, read or locked (named in the message)
         */
        public Outbox open() throws IOException {
            return new Outbox(this);
        }

        private static Duration positive(final String name, final Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
