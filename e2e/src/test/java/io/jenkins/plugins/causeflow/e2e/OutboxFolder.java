package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The plugin's outbox as it lies on disk, {@code $JENKINS_HOME/causeflow/outbox/} (docs/plugin.md section 12): the
 * headers of the pending entries, and every file for the "no secret on disk" check. Read from outside Jenkins, as an
 * administrator would look at it; the sender renames and deletes files meanwhile, so a file that is gone is skipped.
 */
final class OutboxFolder {
    /** An entry file is the magic line, one line of JSON header and the body (at most 1 MiB); bounded reads. */
    private static final int MAX_ENTRY_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private OutboxFolder(Path directory) {
        this.directory = directory;
    }

    static OutboxFolder of(JenkinsHome home) {
        return new OutboxFolder(home.directory().resolve("causeflow").resolve("outbox"));
    }

    Path directory() {
        return directory;
    }

    /** What a pending entry's header says (never a secret: the credentials are there by id). */
    record PendingEntry(String sourceAlertId, String buildId, String endpoint, int attempts) {
    }

    /** The entries in {@code pending/}, waiting for the sender. */
    List<PendingEntry> pending() {
        List<PendingEntry> entries = new ArrayList<>();
        for (Path file : files(directory.resolve("pending"))) {
            if (file.getFileName().toString().endsWith(".entry")) {
                header(file).ifPresent(header -> entries.add(new PendingEntry(header.path("sourceAlertId").asText(),
                        header.path("buildId").asText(), header.path("endpoint").asText(),
                        header.path("attempts").asInt())));
            }
        }
        return entries;
    }

    /** The files anywhere under the outbox folder whose bytes contain {@code text}. */
    List<Path> filesContaining(String text) {
        List<Path> found = new ArrayList<>();
        for (Path file : files(directory)) {
            read(file).filter(bytes -> new String(bytes, StandardCharsets.UTF_8).contains(text))
                    .ifPresent(bytes -> found.add(file));
        }
        return found;
    }

    private static Optional<JsonNode> header(Path file) {
        return read(file).map(bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int first = text.indexOf('\n');
            int second = text.indexOf('\n', first + 1);
            if (first < 0 || second < 0) {
                throw new IllegalStateException(file + " is not an outbox entry (no header line)");
            }
            try {
                return JSON.readTree(text.substring(first + 1, second));
            } catch (IOException e) {
                throw new IllegalStateException(file + " has no JSON header", e);
            }
        });
    }

    private static Optional<byte[]> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
            if (bytes.length > MAX_ENTRY_BYTES) {
                throw new IllegalStateException(file + " is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // delivered (deleted) or moved between the listing and the read
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /**
     * Regular files under {@code root}, depth first. Listed folder by folder rather than with {@code Files.walk}:
     * the sender's temporary files come and go (every failed attempt rewrites its entry), and a file that vanishes
     * between the listing and a look at it is simply not there any more.
     */
    private static List<Path> files(Path root) {
        List<Path> found = new ArrayList<>();
        List<Path> children;
        try (Stream<Path> listing = Files.list(root)) {
            children = listing.sorted().toList();
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                found.addAll(files(child));
            } else if (Files.isRegularFile(child)) {
                found.add(child);
            }
        }
        return found;
    }
}
