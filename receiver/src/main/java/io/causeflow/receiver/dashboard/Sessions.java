package io.causeflow.receiver.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard sessions, in memory (a restart signs everybody out, which suits a sandbox). Bounded: at most
 * {@code capacity} sessions; when full, expired ones go first, then the oldest. The map is keyed by the SHA-256 of
 * the session id, so neither a heap dump nor the lookup's timing reveals a usable id.
 */
final class Sessions {
    private static final int ID_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, DashboardSession> byIdHash = new LinkedHashMap<>();
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;

    Sessions(Duration lifetime, int capacity, Clock clock) {
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Creates a session and returns its id (the cookie value). */
    synchronized String create(String tenantId) {
        Instant now = clock.instant();
        if (byIdHash.size() >= capacity) {
            byIdHash.values().removeIf(session -> !session.expiresAt().isAfter(now));
        }
        Iterator<String> oldest = byIdHash.keySet().iterator();
        while (byIdHash.size() >= capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        String id = randomToken();
        byIdHash.put(hash(id), new DashboardSession(tenantId, randomToken(), now.plus(lifetime)));
        return id;
    }

    /** The live session with this id. */
    synchronized Optional<DashboardSession> find(String id) {
        String key = hash(id);
        DashboardSession session = byIdHash.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            byIdHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Ends a session (sign-out). */
    synchronized void remove(String id) {
        byIdHash.remove(hash(id));
    }

    synchronized int size() {
        return byIdHash.size();
    }

    Duration lifetime() {
        return lifetime;
    }

    private String randomToken() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static String hash(String id) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
