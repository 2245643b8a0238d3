package io.causeflow.receiver.http;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs client errors (4xx) without letting a flood of them flood the log: per status and code, the first
 * {@value #LINES_PER_KIND} of each {@link #WINDOW} are logged in full; the rest are counted and summed up in one line
 * when the window ends ("suppressed 55,490 client errors in the last 10 s: 401 invalid_api_key ×55,490").
 */
final class ClientErrorLog {
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final int LINES_PER_KIND = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicReference<Map<String, AtomicInteger>> counts = new AtomicReference<>(new ConcurrentHashMap<>());

    /** An error answer: "POST /v1/webhooks/{tenantId}/{provider} -> 401 invalid_api_key". */
    void answered(String method, String route, int status, String code) {
        if (count(status + " " + code)) {
            LOG.info("{} {} -> {} {}", method, route, status, code);
        }
    }

    /** A one-line note about a broken request (no stack trace). */
    void oneLine(int status, String message) {
        if (count(status + " broken request")) {
            LOG.info("{} {}", status, message);
        }
    }

    /** Counts one; true if it should be logged in full. */
    private boolean count(String kind) {
        rollIfDue();
        return counts.get().computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet() <= LINES_PER_KIND;
    }

    /** Ends the window if it is over and logs what was suppressed in it (also called by a timer and at close). */
    void rollIfDue() {
        long start = windowStart.get();
        long now = System.nanoTime();
        if (now - start >= WINDOW.toNanos() && windowStart.compareAndSet(start, now)) {
            summarise(counts.getAndSet(new ConcurrentHashMap<>()), Duration.ofNanos(now - start));
        }
    }

    /** Logs what the current window suppressed so far (server shutdown). */
    void flush() {
        long start = windowStart.getAndSet(System.nanoTime());
        summarise(counts.getAndSet(new ConcurrentHashMap<>()), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void summarise(Map<String, AtomicInteger> window, Duration length) {
        Map<String, Integer> suppressed = new TreeMap<>();
        window.forEach((kind, count) -> {
            if (count.get() > LINES_PER_KIND) {
                suppressed.put(kind, count.get() - LINES_PER_KIND);
            }
        });
        if (!suppressed.isEmpty()) {
            int total = suppressed.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder line = new StringBuilder();
            suppressed.forEach((kind, count) -> line.append(line.length() == 0 ? "" : ", ").append(kind)
                    .append(" x").append(count));
            LOG.info("suppressed {} more client errors in the last {} s: {}", total,
                    Math.max(1, Math.round(length.toMillis() / 1000.0)), line);
        }
    }
}
