package io.causeflow.client.outbox;

import io.causeflow.client.Alert;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate JVM for the crash and full-disk tests (started by {@link OutboxCrashTest}; not a test itself).
 * {@code enqueue-forever DIR BASE_URL PREFIX}: opens the outbox, starts the sender, then enqueues
 * {@code PREFIX-0, PREFIX-1, …} until killed, printing {@code Q <sourceAlertId>} after each enqueue returned.
 * {@code enqueue-big DIR BASE_URL ID BYTES}: enqueues one alert of about BYTES and prints {@code OK} or
 * {@code ERR <message>} (run under {@code ulimit -f} to simulate a full disk).
 */
final class OutboxChild {
    private OutboxChild() {
    }

    public static void main(final String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[1]);
        URI baseUrl = URI.create(args[2]);
        if (args[0].equals("enqueue-forever")) {
            Outbox outbox = Outbox.builder(dir).attemptTimeout(Duration.ofSeconds(2))
                    .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).open();
            outbox.startSender(OutboxFixtures.resolver());
            for (long i = 0; ; i++) {
                String id = args[3] + "-" + i;
                outbox.enqueue(OutboxFixtures.queued(baseUrl, id));
                out.println("Q " + id);
                if (i == 0) {
                    out.println("READY"); // classes loaded: from now on a kill lands in the steady loop
                }
            }
        }
        if (args[0].equals("enqueue-big")) {
            try (Outbox outbox = Outbox.builder(dir).open()) {
                Alert alert = OutboxFixtures.alert(args[3]).toBuilder()
                        .description("z".repeat(Integer.parseInt(args[4]))).build();
                outbox.enqueue(QueuedAlert.builder().alert(alert).baseUrl(baseUrl).tenantId("t")
                        .apiKeyCredentialId("k").webhookSecretCredentialId("s").build());
                out.println("OK");
            }
            catch (OutboxException e) {
                out.println("ERR " + e.getMessage());
            }
        }
    }
}
