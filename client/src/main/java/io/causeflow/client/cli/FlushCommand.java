package io.causeflow.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.Redactor;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.causeflow.client.outbox.OutboxListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code causeflow flush}: tries every due entry of an outbox once (a later CI step or a cron job), or lists
 * it. Secrets come from the environment or secret files, as for {@code send}.
 */
@Command(name = "flush", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Deliver the alerts waiting in an outbox directory (written by 'send --outbox').",
        footer = {"", "Secrets: CAUSEFLOW_API_KEY and CAUSEFLOW_WEBHOOK_SECRET, or --api-key-file and "
                + "--webhook-secret-file; never as argument values.",
                "Exit codes: 0 nothing left pending, 2 entries moved to dead/ in this run (fix, then flush --all), "
                        + "4 entries still pending (transient trouble), 64 usage, 1 internal error."})
final class FlushCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CliContext context;

    @Option(names = "--outbox", paramLabel = "DIR", required = true, description = "The outbox directory.")
    @CheckForNull
    private Path outbox;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "File holding the API key.")
    @CheckForNull
    private Path apiKeyFile;

    @Option(names = "--webhook-secret-file", paramLabel = "FILE", description = "File holding the webhook secret.")
    @CheckForNull
    private Path webhookSecretFile;

    @Option(names = "--all", description = "Also try entries whose next attempt is not due yet, and dead entries.")
    private boolean all;

    @Option(names = "--list", description = "Only list pending and dead entries (no secrets needed, nothing sent).")
    private boolean list;

    @Option(names = "--attempt-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Timeout of one attempt (default: 10s).")
    private Duration attemptTimeout = Outbox.DEFAULT_ATTEMPT_TIMEOUT;

    @Option(names = "--output", paramLabel = "FORMAT", description = "TEXT (default) or JSON (one object per line).")
    private OutputFormat output = OutputFormat.TEXT;

    FlushCommand(final CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException {
        Path directory = java.util.Objects.requireNonNull(outbox);
        if (list) {
            try (Outbox box = Outbox.builder(directory).warnings(line -> OutboxCommands.warn(context, line)).open()) {
                box.pending().forEach(entry -> print(entry, "PENDING", entry.lastError()));
                box.dead().forEach(entry -> print(entry, "DEAD", entry.deadReason()));
                summary(box, 0, 0);
                return ExitCodes.OK;
            }
            catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        String apiKey = Secrets.read(context, apiKeyFile, "CAUSEFLOW_API_KEY", "--api-key-file", "API key");
        String secret = Secrets.read(context, webhookSecretFile, "CAUSEFLOW_WEBHOOK_SECRET", "--webhook-secret-file",
                "webhook secret");
        Redactor redactor = Redactor.of(apiKey, secret);
        OutboxListener listener = new OutboxListener() {
            @Override
            public void onDelivered(final OutboxEntry entry, final DeliveryOutcome outcome) {
                print(entry, outcome.status().name(), outcome.message());
            }

            @Override
            public void onDead(final OutboxEntry entry) {
                print(entry, "DEAD", entry.deadReason());
            }

            @Override
            public void onRetryScheduled(final OutboxEntry entry) {
                print(entry, "PENDING", entry.lastError() + "; next attempt " + entry.nextAttemptAt());
            }
        };
        try (Outbox box = Outbox.builder(directory).attemptTimeout(attemptTimeout).listener(listener)
                .warnings(line -> OutboxCommands.warn(context, redactor.redact(line))).open()) {
            if (all) {
                box.retryAllNow();
            }
            Outbox.DrainResult result = box.deliverDue(OutboxCommands.resolver(apiKey, secret));
            summary(box, result.delivered(), result.dead());
            if (result.dead() > 0) {
                return ExitCodes.REJECTED;
            }
            return box.pending().isEmpty() ? ExitCodes.OK : ExitCodes.QUEUED;
        }
        catch (IOException e) {
            throw new UsageException(redactor.redact(e.getMessage()));
        }
    }

    private void print(final OutboxEntry entry, final String status, @CheckForNull final String message) {
        if (output == OutputFormat.JSON) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("status", status);
            node.put("entry", entry.id());
            node.put("sourceAlertId", entry.sourceAlertId());
            node.put("endpoint", entry.endpoint().toString());
            node.put("buildId", entry.buildId());
            node.put("firstQueuedAt", entry.firstQueuedAt().toString());
            node.put("attempts", entry.attempts());
            node.put("message", message);
            context.out().println(StreamCommand.escapeC1(node.toString()));
        }
        else {
            // The message may carry server text (the last error): never a control character on the terminal.
            context.out().println(StreamCommand.oneLine(status + ": " + entry.sourceAlertId() + " (entry " + entry.id()
                    + ", queued " + entry.firstQueuedAt() + ", " + entry.attempts() + " attempts)"
                    + (message == null ? "" : ": " + message)));
        }
        context.out().flush();
    }

    private void summary(final Outbox box, final int delivered, final int dead) {
        Outbox.Stats stats = box.stats();
        Instant next = box.nextDue().orElse(null);
        if (output == OutputFormat.JSON) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("summary", true);
            node.put("delivered", delivered);
            node.put("movedToDead", dead);
            node.put("pending", stats.pendingEntries());
            node.put("dead", stats.deadEntries());
            node.put("nextAttemptAt", next == null ? null : next.toString());
            context.out().println(node);
        }
        else {
            context.out().println("outbox " + box.directory() + ": " + delivered + " delivered, " + dead
                    + " moved to dead/ now; " + stats.pendingEntries() + " pending"
                    + (next == null ? "" : " (next attempt " + next + ")") + ", " + stats.deadEntries() + " dead");
        }
        context.out().flush();
    }
}
