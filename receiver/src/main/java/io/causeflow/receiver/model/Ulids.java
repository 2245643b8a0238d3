package io.causeflow.receiver.model;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULID-like identifiers: 48-bit millisecond time + 80 random bits, 26 Crockford base32 characters. Within one
 * millisecond the random part is incremented, so ids from one generator sort in creation order.
 */
public final class Ulids {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Ulids SHARED = new Ulids(Clock.systemUTC());

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randomHigh; // 16 bits
    private long randomLow;  // 64 bits

    Ulids(Clock clock) {
        this.clock = clock;
    }

    /** A new incident id, {@code inc_} + ULID. */
    public static String newIncidentId() {
        return "inc_" + SHARED.next();
    }

    /** A new remediation id, {@code rem_} + ULID. */
    public static String newRemediationId() {
        return "rem_" + SHARED.next();
    }

    /** The next ULID of this generator. */
    synchronized String next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            randomHigh = random.nextInt(1 << 16);
            randomLow = random.nextLong();
        }
        else {
            // Same (or earlier) millisecond: keep the time and count up so the order stays strict.
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
            }
        }
        char[] out = new char[26];
        long time = lastMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits = 16 characters; take them 5 bits at a time from (high:16 | low:64).
        long low = randomLow;
        long high = randomHigh;
        for (int i = 25; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }
}
