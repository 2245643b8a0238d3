package io.causeflow.client.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The last event id applied, kept in a small file written atomically, so that a restarted subscriber resumes
 * with {@code Last-Event-ID}. The id is stored with the stream it came from (base URL and tenant): an id of
 * another server or tenant is not sent. Not thread-safe; the service calls it from one thread.
 */
public final class LastEventIdStore {
    /** Longest id accepted (ULIDs and {@code evt_} + 12 digits are far shorter). */
    public static final int MAX_ID_LENGTH = 256;
    private static final int MAX_FILE_BYTES = 4_096;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    private LastEventIdStore(final Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * @param file where the id is kept
     * @return the store
     */
    public static LastEventIdStore at(final Path file) {
        return new LastEventIdStore(file);
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /**
     * Reads the id saved for a stream.
     *
     * @param stream the stream's identity, e.g. {@code https://api.causeflow.ai tenant ten_1}
     * @return the id, empty when none was saved for this stream
     * @throws IOException naming the file and what is wrong with it
     */
    public Optional<String> load(final String stream) throws IOException {
        Optional<byte[]> content = AtomicFiles.read(file, MAX_FILE_BYTES);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(content.get());
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("stream").isTextual() || !root.path("lastEventId").isTextual()) {
            throw new IOException(file + " is not a last-event-id file (expected {\"stream\":…,\"lastEventId\":…})");
        }
        String id = root.get("lastEventId").asText();
        if (!isValid(id)) {
            throw new IOException(file + ": the saved last event id is empty, too long or has control characters");
        }
        return stream.equals(root.get("stream").asText()) ? Optional.of(id) : Optional.empty();
    }

    /**
     * Saves the id atomically.
     *
     * @param stream the stream's identity
     * @param lastEventId the id
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when the id is empty, longer than {@link #MAX_ID_LENGTH} or has control
     *         characters
     */
    public void save(final String stream, final String lastEventId) throws IOException {
        if (!isValid(lastEventId)) {
            throw new IllegalArgumentException("lastEventId is empty, longer than " + MAX_ID_LENGTH
                    + " characters or has control characters");
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("stream", stream);
        root.put("lastEventId", lastEventId);
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(root));
    }

    static boolean isValid(final String id) {
        return !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.chars().noneMatch(Character::isISOControl);
    }
}
