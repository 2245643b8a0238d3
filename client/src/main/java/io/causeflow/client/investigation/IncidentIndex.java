package io.causeflow.client.investigation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which target (e.g. a build's externalizable id) each recent incident belongs to. Bounded in entries and in age:
 * the oldest registrations go first, and a registration older than the age bound is forgotten. One incident may
 * belong to a few targets (a repeated alert answered 409 names the first incident). Thread-safe. Saved as a small
 * JSON file written atomically; {@link #load} reads it back within the same bounds.
 */
public final class IncidentIndex {
    /** Default bound on incidents remembered. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Default bound on an entry's age. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(14);
    /** Most targets kept for one incident; the oldest is dropped beyond it. */
    public static final int MAX_TARGETS_PER_INCIDENT = 8;
    /** Longest incident id accepted. */
    public static final int MAX_INCIDENT_ID = 200;
    /** Longest target key accepted. */
    public static final int MAX_TARGET = 1_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT_VERSION = 1;
    private static final Comparator<Entry> AGE = Comparator.comparing(Entry::registeredAt)
            .thenComparing(Entry::incidentId);

    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Entry> byIncident = new HashMap<>();
    private final TreeSet<Entry> byAge = new TreeSet<>(AGE);
    private boolean dirty;

    private record Entry(String incidentId, List<String> targets, Instant registeredAt) {
    }

    private IncidentIndex(final int maxEntries, final Duration maxAge, final Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An empty index.
     *
     * @param maxEntries most incidents remembered
     * @param maxAge longest time an incident is remembered after its registration
     * @param clock the time source
     * @return the index
     */
    public static IncidentIndex create(final int maxEntries, final Duration maxAge, final Clock clock) {
        return new IncidentIndex(maxEntries, maxAge, clock);
    }

    /**
     * Reads a saved index, dropping what is beyond the bounds now.
     *
     * @param file the file {@link #save} wrote; a missing file gives an empty index
     * @param maxEntries most incidents remembered
     * @param maxAge longest time remembered
     * @param clock the time source
     * @return the index
     * @throws IOException naming the file and what is wrong with it (too large, not JSON, wrong shape)
     */
    public static IncidentIndex load(final Path file, final int maxEntries, final Duration maxAge, final Clock clock)
            throws IOException {
        IncidentIndex index = new IncidentIndex(maxEntries, maxAge, clock);
        int bound = (int) Math.min(Integer.MAX_VALUE - 8, 4_096L + (long) maxEntries * 2_048);
        Optional<byte[]> content = AtomicFiles.read(file, bound);
        if (content.isEmpty()) {
            return index;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(content.get());
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("entries").isArray() || root.path("version").asInt() != FORMAT_VERSION) {
            throw new IOException(file + " is not an incident index (expected {\"version\":" + FORMAT_VERSION
                    + ",\"entries\":[…]})");
        }
        for (JsonNode node : root.get("entries")) {
            String incidentId = node.path("incidentId").asText("");
            long millis = node.path("registeredAt").asLong(-1);
            if (!node.path("targets").isArray() || millis < 0) {
                throw new IOException(file + ": an entry lacks incidentId, targets or registeredAt: "
                        + abbreviate(node.toString()));
            }
            for (JsonNode target : node.get("targets")) {
                try {
                    index.register(incidentId, target.asText(""), Instant.ofEpochMilli(millis));
                }
                catch (IllegalArgumentException e) {
                    throw new IOException(file + ": " + e.getMessage(), e);
                }
            }
        }
        index.dirty = false;
        return index;
    }

    /**
     * Registers an incident now.
     *
     * @param incidentId the incident
     * @param target the caller's key for where its events go
     * @throws IllegalArgumentException naming the field that is blank, too long or has control characters
     */
    public void register(final String incidentId, final String target) {
        register(incidentId, target, clock.instant());
    }

    /**
     * Registers an incident at a given time, e.g. when rebuilding the index from builds at start.
     *
     * @param incidentId the incident
     * @param target the caller's key for where its events go
     * @param registeredAt when it was registered; older than the age bound means ignored
     * @throws IllegalArgumentException naming the field that is blank, too long or has control characters
     */
    public synchronized void register(final String incidentId, final String target, final Instant registeredAt) {
        check("incidentId", incidentId, MAX_INCIDENT_ID);
        check("target", target, MAX_TARGET);
        Objects.requireNonNull(registeredAt, "registeredAt");
        evictExpired();
        if (registeredAt.isBefore(cutoff())) {
            return;
        }
        Entry old = byIncident.get(incidentId);
        List<String> targets = new ArrayList<>();
        Instant at = registeredAt;
        if (old != null) {
            byAge.remove(old);
            targets.addAll(old.targets());
            at = old.registeredAt().isAfter(registeredAt) ? old.registeredAt() : registeredAt;
        }
        if (!targets.contains(target)) {
            targets.add(target);
            if (targets.size() > MAX_TARGETS_PER_INCIDENT) {
                targets.remove(0);
            }
        }
        Entry entry = new Entry(incidentId, List.copyOf(targets), at);
        byIncident.put(incidentId, entry);
        byAge.add(entry);
        while (byIncident.size() > maxEntries) {
            byIncident.remove(byAge.pollFirst().incidentId());
        }
        dirty = true;
    }

    /**
     * @param incidentId an incident id from an event
     * @return the targets of a known, recent incident; empty when unknown or expired
     */
    public synchronized List<String> targets(final String incidentId) {
        evictExpired();
        Entry entry = byIncident.get(incidentId);
        return entry == null ? List.of() : entry.targets();
    }

    /** @return how many incidents are remembered */
    public synchronized int size() {
        evictExpired();
        return byIncident.size();
    }

    /** @return true when changed since the last {@link #save} or {@link #load} */
    public synchronized boolean isDirty() {
        return dirty;
    }

    /**
     * Writes the index atomically.
     *
     * @param file where
     * @throws IOException when it cannot be written
     */
    public void save(final Path file) throws IOException {
        byte[] content;
        synchronized (this) {
            evictExpired();
            content = toJson();
            dirty = false;
        }
        try {
            AtomicFiles.write(file, content);
        }
        catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            throw e;
        }
    }

    private byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", FORMAT_VERSION);
            json.writeArrayFieldStart("entries");
            for (Entry entry : byAge) {
                json.writeStartObject();
                json.writeStringField("incidentId", entry.incidentId());
                json.writeArrayFieldStart("targets");
                for (String target : entry.targets()) {
                    json.writeString(target);
                }
                json.writeEndArray();
                json.writeNumberField("registeredAt", entry.registeredAt().toEpochMilli());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private Instant cutoff() {
        return clock.instant().minus(maxAge);
    }

    private void evictExpired() {
        Instant cutoff = cutoff();
        while (!byAge.isEmpty() && byAge.first().registeredAt().isBefore(cutoff)) {
            byIncident.remove(byAge.pollFirst().incidentId());
            dirty = true;
        }
    }

    private static void check(final String field, final String value, final int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters ("
                    + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " contains a control character at position " + i);
            }
        }
    }

    private static String abbreviate(final String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "\u2026";
    }
}
