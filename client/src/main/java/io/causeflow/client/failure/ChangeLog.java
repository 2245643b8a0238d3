package io.causeflow.client.failure;

import java.util.List;

/**
 * The changes of a build, capped at {@link SnapshotLimits#MAX_CHANGES}; the rest are counted in {@code omitted}.
 *
 * @param entries the kept changes, oldest first as the SCM reports them
 * @param omitted how many changes were left out
 */
public record ChangeLog(List<ChangeEntry> entries, int omitted) {
    /** Caps the list and counts what was cut. */
    public ChangeLog {
        if (omitted < 0) {
            throw new IllegalArgumentException("omitted changes must not be negative: " + omitted);
        }
        if (entries.size() > SnapshotLimits.MAX_CHANGES) {
            omitted += entries.size() - SnapshotLimits.MAX_CHANGES;
            entries = entries.subList(0, SnapshotLimits.MAX_CHANGES);
        }
        entries = List.copyOf(entries);
    }

    /**
     * Creates a change log from all changes; more than the cap are counted as omitted.
     *
     * @param entries every change
     * @return the capped value
     */
    public static ChangeLog of(final List<ChangeEntry> entries) {
        return new ChangeLog(entries, 0);
    }

    /**
     * Returns an empty change log.
     *
     * @return no changes
     */
    public static ChangeLog none() {
        return new ChangeLog(List.of(), 0);
    }

    /**
     * Returns the total number of changes, kept and omitted.
     *
     * @return the total
     */
    public int total() {
        return entries.size() + omitted;
    }
}
