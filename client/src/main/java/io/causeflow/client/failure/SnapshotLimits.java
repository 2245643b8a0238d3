package io.causeflow.client.failure;

/**
 * The caps that the snapshot records enforce in their constructors. They keep one snapshot (and so the alert's
 * metadata) far below the client's body limit even for a build with thousands of failed tests or changes; what is
 * cut is counted ({@code omitted...}) or marked with {@value Texts#TRUNCATION_MARKER}.
 */
public final class SnapshotLimits {
    /** Failed tests kept with their details; the rest are only counted. */
    public static final int MAX_FAILED_TESTS = 50;
    /** Changes (commits) kept; the rest are only counted. */
    public static final int MAX_CHANGES = 20;
    /** Failed stages and parallel branches kept. */
    public static final int MAX_FAILED_NODES = 20;
    /** Causes ("Started by ...") kept. */
    public static final int MAX_CAUSES = 10;
    /** Culprits (user ids) kept. */
    public static final int MAX_CULPRITS = 20;
    /** Enclosing stage names kept per failed test or node. */
    public static final int MAX_PATH_DEPTH = 10;
    /** Characters of an error message (test failure, stage error). */
    public static final int MAX_ERROR_CHARS = 1_000;
    /** Characters of a commit message. */
    public static final int MAX_MESSAGE_CHARS = 500;
    /** Characters of a name, id, URL or other short value. */
    public static final int MAX_NAME_CHARS = 512;

    private SnapshotLimits() {
    }
}
