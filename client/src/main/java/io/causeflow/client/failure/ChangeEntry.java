package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * One change (commit) that went into the build.
 *
 * @param commit  commit id (any SCM revision)
 * @param author  author id or name
 * @param message commit message, bounded to {@link SnapshotLimits#MAX_MESSAGE_CHARS}
 */
public record ChangeEntry(String commit, String author, String message) {
    /** Bounds the values; missing ones become empty strings, since a change without an author is still a change. */
    public ChangeEntry {
        commit = commit == null ? "" : Texts.truncate(commit.strip(), SnapshotLimits.MAX_NAME_CHARS);
        author = author == null ? "" : Texts.truncate(author.strip(), SnapshotLimits.MAX_NAME_CHARS);
        message = message == null ? "" : Texts.truncate(message.strip(), SnapshotLimits.MAX_MESSAGE_CHARS);
    }

    /**
     * Creates a change entry, accepting nulls from the edge.
     *
     * @param commit  commit id or null
     * @param author  author or null
     * @param message message or null
     * @return the value
     */
    public static ChangeEntry of(@CheckForNull final String commit, @CheckForNull final String author,
            @CheckForNull final String message) {
        return new ChangeEntry(commit, author, message);
    }
}
