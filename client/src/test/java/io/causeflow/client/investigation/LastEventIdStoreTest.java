package io.causeflow.client.investigation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests the class {@link LastEventIdStore}. */
class LastEventIdStoreTest {
    private static final String STREAM = "http://127.0.0.1:1 tenant acme";

    @TempDir
    Path directory;

    @Test
    void shouldGiveBackTheSavedIdForTheSameStream() throws IOException {
        LastEventIdStore store = LastEventIdStore.at(directory.resolve("causeflow/last-event-id.json"));

        store.save(STREAM, "evt_000000000041");
        store.save(STREAM, "evt_000000000042");

        assertThat(LastEventIdStore.at(store.file()).load(STREAM)).hasValue("evt_000000000042");
    }

    @Test
    void shouldNotResumeAnotherStreamsId() throws IOException {
        LastEventIdStore store = LastEventIdStore.at(directory.resolve("last-event-id.json"));
        store.save(STREAM, "evt_000000000042");

        assertThat(store.load("http://127.0.0.1:1 tenant globex")).isEmpty();
        assertThat(store.load("https://api.causeflow.ai tenant acme")).isEmpty();
    }

    @Test
    void shouldLoadNothingWhenNoFileExists() throws IOException {
        assertThat(LastEventIdStore.at(directory.resolve("none.json")).load(STREAM)).isEmpty();
    }

    @Test
    void shouldNameTheFileOfADamagedId() throws IOException {
        Path file = Files.writeString(directory.resolve("last-event-id.json"), "evt_1");
        Path withNewline = Files.writeString(directory.resolve("other.json"),
                "{\"stream\":\"" + STREAM + "\",\"lastEventId\":\"evt_1\\nX\"}");

        assertThatThrownBy(() -> LastEventIdStore.at(file).load(STREAM)).isInstanceOf(IOException.class)
                .hasMessageContaining("last-event-id.json is not valid JSON");
        assertThatThrownBy(() -> LastEventIdStore.at(withNewline).load(STREAM)).isInstanceOf(IOException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void shouldRejectAnIdThatCannotBeSentAsAHeader() {
        LastEventIdStore store = LastEventIdStore.at(directory.resolve("last-event-id.json"));

        assertThatThrownBy(() -> store.save(STREAM, "evt\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.save(STREAM, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
