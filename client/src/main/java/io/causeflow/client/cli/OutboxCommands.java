package io.causeflow.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.causeflow.client.Alert;
import io.causeflow.client.CauseFlowClient;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.outbox.CredentialResolver;
import io.causeflow.client.outbox.CredentialUnavailableException;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.causeflow.client.outbox.QueuedAlert;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The command line's side of the outbox. Entries queued by the command line name their credentials
 * {@value #API_KEY_ID} and {@value #WEBHOOK_SECRET_ID}: {@code flush} resolves them from its own environment
 * or secret files, so no secret is ever stored.
 */
final class OutboxCommands {
    /** Credential id of the API key in entries queued by the command line. */
    static final String API_KEY_ID = "cli:api-key";
    /** Credential id of the webhook secret in entries queued by the command line. */
    static final String WEBHOOK_SECRET_ID = "cli:webhook-secret";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutboxCommands() {
    }

    /** {@code send --outbox}: stores an alert whose delivery failed; prints the outcome with status QUEUED. */
    static int queue(final CliContext context, final Path directory, final Alert alert, final CauseFlowClient client,
            final DeliveryOutcome outcome, final OutputFormat output) {
        OutboxEntry entry;
        try (Outbox outbox = Outbox.builder(directory).warnings(line -> warn(context, line)).open()) {
            entry = outbox.enqueue(QueuedAlert.builder().alert(alert).baseUrl(client.baseUrl())
                    .tenantId(client.tenantId()).signatureFormat(client.signatureFormat())
                    .apiKeyCredentialId(API_KEY_ID).webhookSecretCredentialId(WEBHOOK_SECRET_ID).build());
        }
        catch (IOException e) {
            // Not queued: report the delivery failure as it is, plus why the outbox could not take it.
            context.err().println("causeflow: " + client.redact(e.getMessage()));
            context.err().flush();
            context.out().println(output == OutputFormat.JSON ? StreamCommand.escapeC1(SendCommand.json(outcome))
                    : StreamCommand.oneLine(SendCommand.text(outcome)));
            context.out().flush();
            return ExitCodes.FAILED;
        }
        if (output == OutputFormat.JSON) {
            ObjectNode node = (ObjectNode) readTree(SendCommand.json(outcome));
            node.put("status", "QUEUED");
            node.put("outbox", directory.toString());
            node.put("outboxEntry", entry.id());
            context.out().println(StreamCommand.escapeC1(node.toString()));
        }
        else {
            // The message may carry server text: never a control character on the terminal (C0 and C1).
            context.out().println(StreamCommand.oneLine("QUEUED: " + outcome.message() + "; stored in " + directory
                    + " as entry " + entry.id() + " for 'causeflow flush' [attempts=" + outcome.attempts()
                    + ", sourceAlertId=" + entry.sourceAlertId() + "]"));
        }
        context.out().flush();
        return ExitCodes.QUEUED;
    }

    /** Resolves the command line's two credential ids to the secrets given to {@code flush}. */
    static CredentialResolver resolver(final String apiKey, final String webhookSecret) {
        return (id, entry) -> {
            if (API_KEY_ID.equals(id)) {
                return apiKey;
            }
            if (WEBHOOK_SECRET_ID.equals(id)) {
                return webhookSecret;
            }
            throw CredentialUnavailableException.forNow("credential id " + id + " is not one the command line "
                    + "knows (" + API_KEY_ID + ", " + WEBHOOK_SECRET_ID + "); was the entry queued by another tool?");
        };
    }

    static void warn(final CliContext context, final String line) {
        context.err().println(StreamCommand.oneLine("causeflow: " + line));
        context.err().flush();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(final String json) {
        try {
            return MAPPER.readTree(json);
        }
        catch (IOException e) {
            throw new IllegalStateException("our own JSON did not parse", e);
        }
    }

}
