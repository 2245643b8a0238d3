package io.causeflow.client.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.SignatureFormat;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The on-disk form of one entry: a magic line, one line of JSON header (everything in {@link OutboxEntry} plus
 * the body's length and SHA-256), then the exact body bytes. The length and hash make a damaged or foreign file
 * detectable, so it is quarantined instead of being sent (atomic rename already keeps half-written files out).
 */
final class EntryFile {
    static final String SUFFIX = ".entry";
    private static final byte[] MAGIC = "CAUSEFLOW-OUTBOX 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Largest file read: bounded before reading, so a huge foreign file costs nothing. */
    static final int MAX_FILE_BYTES = MAGIC.length + MAX_HEADER_BYTES + 1 + QueuedAlert.MAX_BODY_BYTES;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EntryFile() {
    }

    /** An entry with its body, as read from or written to disk. */
    record Stored(OutboxEntry entry, byte[] body) {
    }

    /** The file is not a complete, intact entry. */
    static final class CorruptEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptEntryException(final String message) {
            super(message);
        }
    }

    static String fileName(final String id) {
        return id + SUFFIX;
    }

    static byte[] encode(final OutboxEntry entry, final byte[] body) {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("id", entry.id());
        header.put("endpoint", entry.endpoint().toString());
        header.put("tenantId", entry.tenantId());
        header.put("sourceAlertId", entry.sourceAlertId());
        header.put("signatureFormat", entry.signatureFormat().name());
        header.put("apiKeyCredentialId", entry.apiKeyCredentialId());
        header.put("webhookSecretCredentialId", entry.webhookSecretCredentialId());
        header.put("buildId", entry.buildId());
        header.put("firstQueuedAt", entry.firstQueuedAt().toString());
        header.put("retryWindowStart", entry.retryWindowStart().toString());
        header.put("attempts", entry.attempts());
        header.put("nextAttemptAt", entry.nextAttemptAt().toString());
        header.put("lastError", entry.lastError());
        header.put("deadReason", entry.deadReason());
        header.put("deadAt", entry.deadAt() == null ? null : entry.deadAt().toString());
        header.put("revision", entry.revision());
        header.put("bodyLength", body.length);
        header.put("bodySha256", DigestUtils.sha256Hex(body));
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8); // compact JSON: no raw newline inside
        byte[] out = new byte[MAGIC.length + json.length + 1 + body.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(json, 0, out, MAGIC.length, json.length);
        out[MAGIC.length + json.length] = '\n';
        System.arraycopy(body, 0, out, MAGIC.length + json.length + 1, body.length);
        return out;
    }

    /** Reads a file, at most {@link #MAX_FILE_BYTES}; the state comes from the folder it is in. */
    static Stored read(final Path file, final OutboxEntry.State state) throws IOException, CorruptEntryException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new CorruptEntryException("file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String name = file.getFileName().toString();
        return decode(bytes, name.substring(0, name.length() - SUFFIX.length()), state);
    }

    static Stored decode(final byte[] bytes, final String expectedId, final OutboxEntry.State state)
            throws CorruptEntryException {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptEntryException("not an outbox entry (format line missing)");
        }
        int end = -1;
        for (int i = MAGIC.length; i < Math.min(bytes.length, MAGIC.length + MAX_HEADER_BYTES + 1); i++) {
            if (bytes[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new CorruptEntryException("header line missing or longer than " + MAX_HEADER_BYTES + " bytes");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(Arrays.copyOfRange(bytes, MAGIC.length, end));
        }
        catch (IOException e) {
            throw new CorruptEntryException("header is not valid JSON");
        }
        if (header == null || !header.isObject()) {
            throw new CorruptEntryException("header is not a JSON object");
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 1, bytes.length);
        long declared = header.path("bodyLength").asLong(-1);
        if (declared != body.length) {
            throw new CorruptEntryException("body is " + body.length + " bytes, header says " + declared);
        }
        if (!DigestUtils.sha256Hex(body).equals(header.path("bodySha256").asText())) {
            throw new CorruptEntryException("body does not match its SHA-256");
        }
        try {
            String id = required(header, "id");
            if (!id.equals(expectedId)) {
                throw new CorruptEntryException("file name does not match the entry id " + id);
            }
            OutboxEntry entry = new OutboxEntry(id, state, URI.create(required(header, "endpoint")),
                    required(header, "tenantId"), required(header, "sourceAlertId"),
                    SignatureFormat.valueOf(required(header, "signatureFormat")),
                    required(header, "apiKeyCredentialId"), required(header, "webhookSecretCredentialId"),
                    optional(header, "buildId"), Instant.parse(required(header, "firstQueuedAt")),
                    Instant.parse(required(header, "retryWindowStart")), header.path("attempts").asInt(-1),
                    Instant.parse(required(header, "nextAttemptAt")), optional(header, "lastError"),
                    state == OutboxEntry.State.DEAD ? deadReason(header) : null,
                    state == OutboxEntry.State.DEAD ? instant(optional(header, "deadAt")) : null, body.length,
                    header.path("revision").asLong(-1));
            return new Stored(entry, body);
        }
        catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new CorruptEntryException("header field invalid: " + e.getMessage());
        }
    }

    /** A dead entry copied by hand into dead/ without a reason still gets one. */
    private static String deadReason(final JsonNode header) {
        String reason = optional(header, "deadReason");
        return reason == null ? "moved to dead/ without a reason" : reason;
    }

    @CheckForNull
    private static Instant instant(@CheckForNull final String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String required(final JsonNode header, final String field) throws CorruptEntryException {
        JsonNode value = header.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new CorruptEntryException("header field " + field + " missing");
        }
        return value.asText();
    }

    @CheckForNull
    private static String optional(final JsonNode header, final String field) {
        JsonNode value = header.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

}
