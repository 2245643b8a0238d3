package io.causeflow.client;

/**
 * The limits an {@link Alert} enforces. CauseFlow documents none for the custom webhook, so these are ours
 * (reasons in {@code docs/client.md}). Fields that identify or route an alert are refused when too long,
 * because a cut value could merge two alerts or send one to the wrong owner; free text meant for humans is
 * truncated with a visible marker, because losing an alert is worse than losing its tail.
 */
public final class AlertLimits {
    /** Title, in UTF-16 code units (what a JavaScript {@code length} counts). Longer titles are truncated with "…". */
    public static final int TITLE_MAX_CHARS = 256;
    /** Description, in UTF-8 bytes including the truncation marker. Longer descriptions are truncated. */
    public static final int DESCRIPTION_MAX_BYTES = 64 * 1024;
    /** {@code sourceAlertId}, in characters; longer ids are refused (a cut dedup key could merge alerts). */
    public static final int SOURCE_ALERT_ID_MAX_CHARS = 256;
    /** {@code service} and {@code environment}, in characters; refused when longer (they route the alert). */
    public static final int NAME_MAX_CHARS = 128;
    /** Number of tags; more are refused (which ones to drop is the caller's call, not ours). */
    public static final int MAX_TAGS = 64;
    /** Tag key, in characters; refused when longer. */
    public static final int TAG_KEY_MAX_CHARS = 128;
    /** Tag value, in characters; refused when longer (tags are used for routing and filters). */
    public static final int TAG_VALUE_MAX_CHARS = 256;
    /** Metadata object key at any depth, in characters; refused when longer. */
    public static final int METADATA_KEY_MAX_CHARS = 256;
    /** Nesting depth of metadata objects and arrays; deeper is refused. */
    public static final int METADATA_MAX_DEPTH = 16;
    /** A string value anywhere in metadata, in UTF-8 bytes; longer strings (log excerpts) are truncated. */
    public static final int METADATA_STRING_MAX_BYTES = 32 * 1024;
    /**
     * The whole JSON body, in bytes. When metadata strings push the body over it, the longest metadata
     * strings are truncated further; if it still does not fit, the alert is refused.
     */
    public static final int BODY_MAX_BYTES = 256 * 1024;
    /** Shortest length a metadata string is cut to when the body is over {@link #BODY_MAX_BYTES}. */
    public static final int METADATA_STRING_MIN_BYTES = 256;

    private AlertLimits() {
        // constants only
    }
}
