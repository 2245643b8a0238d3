package io.causeflow.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert for CauseFlow's custom webhook. Immutable; built by {@link #builder()}, which validates every field
 * against {@link AlertLimits} (errors name the field) and truncates free text that is too long with a visible
 * marker. {@link #toJsonBytes()} is deterministic: fixed field order, tags and metadata keys sorted.
 */
public final class Alert {
    private final String title;
    private final String description;
    @CheckForNull
    private final String sourceAlertId;
    @CheckForNull
    private final Severity severity;
    @CheckForNull
    private final String service;
    @CheckForNull
    private final String environment;
    private final SortedMap<String, String> tags;
    private final SortedMap<String, Object> metadata;
    // Derived from the fields above, so left out of equals: the bytes and the list of cut fields.
    private final byte[] json;
    private final List<String> truncatedFields;

    private Alert(final Builder builder, final List<String> truncated, final SortedMap<String, Object> metadata,
            final byte[] json) {
        this.title = builder.fittedTitle;
        this.description = builder.fittedDescription;
        this.sourceAlertId = builder.sourceAlertId;
        this.severity = builder.severity;
        this.service = builder.service;
        this.environment = builder.environment;
        this.tags = Collections.unmodifiableSortedMap(new TreeMap<>(builder.tags));
        this.metadata = metadata;
        this.truncatedFields = List.copyOf(truncated);
        this.json = json;
    }

    /** @return a new builder with no fields set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this alert's (already fitted) values, to derive a changed copy */
    public Builder toBuilder() {
        Builder builder = new Builder().title(title).description(description).tags(tags).metadata(metadata);
        builder.sourceAlertId = sourceAlertId;
        builder.severity = severity;
        builder.service = service;
        builder.environment = environment;
        return builder;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Optional<String> sourceAlertId() {
        return Optional.ofNullable(sourceAlertId);
    }

    public Optional<Severity> severity() {
        return Optional.ofNullable(severity);
    }

    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    public Optional<String> environment() {
        return Optional.ofNullable(environment);
    }

    /** @return the tags, sorted by key, unmodifiable */
    public SortedMap<String, String> tags() {
        return tags;
    }

    /**
     * Returns the metadata as sent: nested unmodifiable sorted maps, unmodifiable lists, strings (possibly
     * truncated), numbers, booleans and {@code null}.
     *
     * @return the metadata object
     */
    public SortedMap<String, Object> metadata() {
        return metadata;
    }

    /** @return the fields that were truncated to fit the limits, e.g. {@code description}, {@code metadata.log} */
    public List<String> truncatedFields() {
        return truncatedFields;
    }

    /** @return the JSON body (UTF-8), identical for equal alerts; a fresh copy on each call */
    public byte[] toJsonBytes() {
        return json.clone();
    }

    /** @return the number of bytes of {@link #toJsonBytes()} */
    public int jsonLength() {
        return json.length;
    }

    byte[] jsonBytesShared() {
        return json;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Alert)) {
            return false;
        }
        Alert other = (Alert) o;
        return title.equals(other.title) && description.equals(other.description)
                && Objects.equals(sourceAlertId, other.sourceAlertId) && severity == other.severity
                && Objects.equals(service, other.service) && Objects.equals(environment, other.environment)
                && tags.equals(other.tags) && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, description, sourceAlertId, severity, service, environment, tags, metadata);
    }

    /** Short form for logs: no description or metadata content. */
    @Override
    public String toString() {
        return "Alert[title=" + title + ", sourceAlertId=" + sourceAlertId + ", severity="
                + (severity == null ? null : severity.wireName()) + ", service=" + service + ", environment="
                + environment + ", descriptionChars=" + description.length() + ", tags=" + tags.size()
                + ", metadataKeys=" + metadata.size() + ", bytes=" + json.length + "]";
    }

    /** Collects alert fields; {@link #build()} validates them and names the field at fault. */
    public static final class Builder {
        @CheckForNull
        private String title;
        @CheckForNull
        private String description;
        @CheckForNull
        private String sourceAlertId;
        @CheckForNull
        private Severity severity;
        @CheckForNull
        private String service;
        @CheckForNull
        private String environment;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Map<String, ?> metadata = Map.of();
        private String fittedTitle = "";
        private String fittedDescription = "";

        private Builder() {
        }

        /** @param title required, non-blank; truncated with "…" past {@link AlertLimits#TITLE_MAX_CHARS} */
        public Builder title(final String title) {
            this.title = title;
            return this;
        }

        /** @param description required, non-blank; truncated past {@link AlertLimits#DESCRIPTION_MAX_BYTES} */
        public Builder description(final String description) {
            this.description = description;
            return this;
        }

        /** @param sourceAlertId the deduplication key (see {@link SourceAlertIds}); {@code null} clears it */
        public Builder sourceAlertId(@CheckForNull final String sourceAlertId) {
            this.sourceAlertId = sourceAlertId;
            return this;
        }

        /** @param severity the severity; {@code null} clears it (CauseFlow then assumes medium) */
        public Builder severity(@CheckForNull final Severity severity) {
            this.severity = severity;
            return this;
        }

        /** @param service the affected service; {@code null} clears it */
        public Builder service(@CheckForNull final String service) {
            this.service = service;
            return this;
        }

        /** @param environment e.g. {@code production}; {@code null} clears it */
        public Builder environment(@CheckForNull final String environment) {
            this.environment = environment;
            return this;
        }

        /** Adds (or replaces) one tag. */
        public Builder tag(final String key, final String value) {
            tags.put(key, value);
            return this;
        }

        /** Adds (or replaces) all the given tags. */
        public Builder tags(final Map<String, String> tags) {
            Objects.requireNonNull(tags, "tags");
            tags.forEach(this::tag);
            return this;
        }

        /**
         * Replaces the metadata object. Values may be maps with string keys, lists, arrays, strings, numbers,
         * booleans or {@code null}, nested up to {@link AlertLimits#METADATA_MAX_DEPTH}.
         */
        public Builder metadata(final Map<String, ?> metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /** Adds (or replaces) one top-level metadata entry. */
        public Builder metadata(final String key, @CheckForNull final Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(metadata);
            copy.put(key, value);
            this.metadata = copy;
            return this;
        }

        /**
         * Validates and builds the alert.
         *
         * @return the alert
         * @throws IllegalArgumentException naming the field that is missing or invalid
         */
        public Alert build() {
            List<String> truncated = new ArrayList<>();
            fittedTitle = Utf8Text.truncateChars(requireText("title", title), AlertLimits.TITLE_MAX_CHARS);
            noteCut(truncated, "title", title, fittedTitle);
            fittedDescription = Utf8Text.truncate(requireText("description", description),
                    AlertLimits.DESCRIPTION_MAX_BYTES);
            noteCut(truncated, "description", description, fittedDescription);
            if (sourceAlertId != null) {
                requireShortText("sourceAlertId", sourceAlertId, AlertLimits.SOURCE_ALERT_ID_MAX_CHARS);
            }
            if (service != null) {
                requireShortText("service", service, AlertLimits.NAME_MAX_CHARS);
            }
            if (environment != null) {
                requireShortText("environment", environment, AlertLimits.NAME_MAX_CHARS);
            }
            checkTags();
            MetadataTree tree = MetadataTree.of(metadata);
            Alert alert = new Alert(this, truncated, tree.freeze(), new byte[0]);
            byte[] body = AlertJson.write(alert);
            while (body.length > AlertLimits.BODY_MAX_BYTES) {
                if (!tree.shrinkBy(body.length - AlertLimits.BODY_MAX_BYTES)) {
                    throw new IllegalArgumentException("body: " + body.length + " bytes of JSON exceed the limit of "
                            + AlertLimits.BODY_MAX_BYTES + " even with metadata strings cut to "
                            + AlertLimits.METADATA_STRING_MIN_BYTES + " bytes; send less metadata");
                }
                alert = new Alert(this, truncated, tree.freeze(), new byte[0]);
                body = AlertJson.write(alert);
            }
            truncated.addAll(tree.truncatedPaths());
            return new Alert(this, truncated, alert.metadata, body);
        }

        private static void noteCut(final List<String> truncated, final String field, @CheckForNull final String before,
                final String after) {
            if (!after.equals(before)) {
                truncated.add(field);
            }
        }

        private void checkTags() {
            if (tags.size() > AlertLimits.MAX_TAGS) {
                throw new IllegalArgumentException("tags: " + tags.size() + " tags exceed the limit of "
                        + AlertLimits.MAX_TAGS);
            }
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                String key = tag.getKey();
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("tags: a tag key is null or blank");
                }
                requireShortText("tags key '" + Utf8Text.truncateChars(key, 40) + "'", key,
                        AlertLimits.TAG_KEY_MAX_CHARS);
                if (tag.getValue() == null) {
                    throw new IllegalArgumentException("tags[" + key + "]: value is null");
                }
                requireLength("tags[" + key + "]", tag.getValue(), AlertLimits.TAG_VALUE_MAX_CHARS);
            }
        }

        private static String requireText(final String field, @CheckForNull final String value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank");
            }
            return value;
        }

        private static void requireShortText(final String field, final String value, final int max) {
            requireText(field, value);
            requireLength(field, value, max);
        }

        private static void requireLength(final String field, final String value, final int max) {
            if (value.length() > max) {
                throw new IllegalArgumentException(field + ": " + value.length() + " characters exceed the limit of "
                        + max);
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw new IllegalArgumentException(field + ": control character U+"
                            + String.format("%04X", (int) c) + " at index " + i + " is not allowed");
                }
            }
        }
    }

    /**
     * A validated copy of the caller's metadata with mutable string leaves, so the body limit can be met by
     * cutting the longest strings before the tree is frozen.
     */
    static final class MetadataTree {
        private final TreeMap<String, Object> root;
        private final List<Leaf> leaves = new ArrayList<>();

        private MetadataTree(final Map<String, ?> source) {
            this.root = copyObject(source, "metadata", 1);
        }

        static MetadataTree of(final Map<String, ?> source) {
            return new MetadataTree(source);
        }

        List<String> truncatedPaths() {
            List<String> paths = new ArrayList<>();
            for (Leaf leaf : leaves) {
                if (!leaf.value().equals(leaf.original)) {
                    paths.add(leaf.path);
                }
            }
            return paths;
        }

        /** Cuts the longest strings by about {@code excess} bytes; false when nothing is left to cut. */
        boolean shrinkBy(final int excess) {
            List<Leaf> byLength = new ArrayList<>(leaves);
            byLength.sort((a, b) -> Integer.compare(b.currentBytes(), a.currentBytes()));
            int remaining = excess;
            boolean cut = false;
            for (Leaf leaf : byLength) {
                if (remaining <= 0) {
                    break;
                }
                int current = leaf.currentBytes();
                if (current <= AlertLimits.METADATA_STRING_MIN_BYTES) {
                    break;
                }
                int target = Math.max(AlertLimits.METADATA_STRING_MIN_BYTES, current - remaining);
                leaf.limit = target;
                remaining -= current - leaf.currentBytes();
                cut = true;
            }
            return cut;
        }

        SortedMap<String, Object> freeze() {
            return freezeObject(root);
        }

        private TreeMap<String, Object> copyObject(final Map<?, ?> source, final String path, final int depth) {
            checkDepth(path, depth);
            TreeMap<String, Object> copy = new TreeMap<>();
            for (Map.Entry<?, ?> entry : source.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new IllegalArgumentException(path + ": keys must be strings, found "
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
                }
                String key = (String) entry.getKey();
                if (key.isEmpty() || key.length() > AlertLimits.METADATA_KEY_MAX_CHARS) {
                    throw new IllegalArgumentException(path + ": key '" + Utf8Text.truncateChars(key, 40)
                            + "' must have 1 to " + AlertLimits.METADATA_KEY_MAX_CHARS + " characters");
                }
                copy.put(key, copyValue(entry.getValue(), path + "." + key, depth));
            }
            return copy;
        }

        @CheckForNull
        private Object copyValue(@CheckForNull final Object value, final String path, final int depth) {
            if (value == null || value instanceof Boolean) {
                return value;
            }
            if (value instanceof CharSequence) {
                Leaf leaf = new Leaf(path, value.toString());
                leaves.add(leaf);
                return leaf;
            }
            if (value instanceof Number) {
                return checkNumber((Number) value, path);
            }
            if (value instanceof Map) {
                return copyObject((Map<?, ?>) value, path, depth + 1);
            }
            if (value instanceof Collection) {
                return copyArray((Collection<?>) value, path, depth + 1);
            }
            if (value instanceof Object[]) {
                return copyArray(java.util.Arrays.asList((Object[]) value), path, depth + 1);
            }
            if (value instanceof Optional) {
                return copyValue(((Optional<?>) value).orElse(null), path, depth);
            }
            if (value instanceof Enum) {
                return copyValue(((Enum<?>) value).name(), path, depth);
            }
            throw new IllegalArgumentException(path + ": unsupported type " + value.getClass().getName()
                    + " (use maps, lists, strings, numbers, booleans or null)");
        }

        private List<Object> copyArray(final Collection<?> source, final String path, final int depth) {
            checkDepth(path, depth);
            List<Object> copy = new ArrayList<>(source.size());
            int index = 0;
            for (Object element : source) {
                copy.add(copyValue(element, path + "[" + index++ + "]", depth));
            }
            return copy;
        }

        private static void checkDepth(final String path, final int depth) {
            if (depth > AlertLimits.METADATA_MAX_DEPTH) {
                throw new IllegalArgumentException(path + ": nesting deeper than " + AlertLimits.METADATA_MAX_DEPTH
                        + " levels");
            }
        }

        private static Number checkNumber(final Number number, final String path) {
            if (number instanceof Double || number instanceof Float) {
                double d = number.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(path + ": " + d + " is not a JSON number");
                }
                return number;
            }
            if (number instanceof Integer || number instanceof Long || number instanceof Short
                    || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal) {
                return number;
            }
            throw new IllegalArgumentException(path + ": unsupported number type " + number.getClass().getName());
        }

        private static SortedMap<String, Object> freezeObject(final Map<String, Object> object) {
            TreeMap<String, Object> frozen = new TreeMap<>();
            object.forEach((key, value) -> frozen.put(key, freezeValue(value)));
            return Collections.unmodifiableSortedMap(frozen);
        }

        @SuppressWarnings("unchecked")
        @CheckForNull
        private static Object freezeValue(@CheckForNull final Object value) {
            if (value instanceof Leaf) {
                return ((Leaf) value).value();
            }
            if (value instanceof Map) {
                return freezeObject((Map<String, Object>) value);
            }
            if (value instanceof List) {
                List<Object> frozen = new ArrayList<>();
                for (Object element : (List<Object>) value) {
                    frozen.add(freezeValue(element));
                }
                return Collections.unmodifiableList(frozen);
            }
            return value;
        }

        /** A string in the metadata, remembered in full so the truncation marker counts every removed byte. */
        private static final class Leaf {
            private final String path;
            private final String original;
            private int limit = AlertLimits.METADATA_STRING_MAX_BYTES;
            @CheckForNull
            private String cached;
            private int cachedLimit = -1;

            Leaf(final String path, final String original) {
                this.path = path;
                this.original = original;
            }

            String value() {
                if (cached == null || cachedLimit != limit) {
                    cached = Utf8Text.truncate(original, limit);
                    cachedLimit = limit;
                }
                return cached;
            }

            int currentBytes() {
                return Utf8Text.length(value());
            }
        }
    }
}
