package io.causeflow.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.Alert;
import io.causeflow.client.CauseFlowClient;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.DeliveryStatus;
import io.causeflow.client.Redactor;
import io.causeflow.client.RetryPolicy;
import io.causeflow.client.Severity;
import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.AlertOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code causeflow send}: builds one alert from {@code --file} and/or options (options win), signs it and
 * delivers it with retries, then prints the outcome. To add an input option: declare an {@code @Option} field
 * and apply it in {@link #alertBuilder()}.
 */
@Command(name = "send", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Send one alert to CauseFlow and print the outcome.",
        footer = {"", "Secrets: CAUSEFLOW_API_KEY and CAUSEFLOW_WEBHOOK_SECRET, or --api-key-file and "
                + "--webhook-secret-file; never as argument values.",
                "Exit codes: 0 accepted or duplicate, 2 rejected, 3 failed after retries, 4 queued in --outbox, "
                        + "64 usage or invalid input."})
final class SendCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CliContext context;

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL (default: $CAUSEFLOW_URL or https://api.causeflow.ai).")
    @CheckForNull
    private URI url;

    @Option(names = "--tenant", paramLabel = "ID", description = "Tenant id (default: $CAUSEFLOW_TENANT_ID).")
    @CheckForNull
    private String tenant;

    @Option(names = "--file", paramLabel = "FILE",
            description = "JSON file with the alert in the webhook body schema; options below override it.")
    @CheckForNull
    private Path file;

    @Option(names = "--title", paramLabel = "TEXT", description = "Alert title (required unless in --file).")
    @CheckForNull
    private String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "Alert description (required unless in --file).")
    @CheckForNull
    private String description;

    @Option(names = "--source-alert-id", paramLabel = "ID", description = "Deduplication key.")
    @CheckForNull
    private String sourceAlertId;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "critical, high, medium, low or info.")
    @CheckForNull
    private String severity;

    @Option(names = "--service", paramLabel = "NAME", description = "Affected service.")
    @CheckForNull
    private String service;

    @Option(names = "--environment", paramLabel = "NAME", description = "e.g. production, staging, ci.")
    @CheckForNull
    private String environment;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag; repeatable.")
    private Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "A string metadata entry; repeatable.")
    private Map<String, String> metadata = new LinkedHashMap<>();

    /** Build mode (--from-junit, --log, --job, ...): the alert comes from the failure mapper. */
    @Mixin
    private BuildOptions buildOptions = new BuildOptions();

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "File holding the API key.")
    @CheckForNull
    private Path apiKeyFile;

    @Option(names = "--webhook-secret-file", paramLabel = "FILE", description = "File holding the webhook secret.")
    @CheckForNull
    private Path webhookSecretFile;

    @Option(names = "--signature-format", paramLabel = "FORMAT", description = "PREFIXED (sha256=<hex>, default) or BARE.")
    private SignatureFormat signatureFormat = SignatureFormat.PREFIXED;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts including the first (default: 5).")
    private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;

    @Option(names = "--attempt-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Timeout of one attempt (default: 10s).")
    private Duration attemptTimeout = RetryPolicy.DEFAULT_PER_ATTEMPT_TIMEOUT;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Total time for all attempts (default: 60s).")
    private Duration budget = RetryPolicy.DEFAULT_TOTAL_BUDGET;

    @Option(names = "--outbox", paramLabel = "DIR",
            description = "When delivery fails with transient trouble, store the alert in this outbox directory "
                    + "(exit code 4) for a later 'causeflow flush'; needs a sourceAlertId.")
    @CheckForNull
    private Path outbox;

    @Option(names = "--dry-run", description = "Print the JSON body that would be sent, and send nothing.")
    private boolean dryRun;

    @Option(names = "--output", paramLabel = "FORMAT", description = "TEXT (default) or JSON.")
    private OutputFormat output = OutputFormat.TEXT;

    SendCommand(final CliContext context) {
        this.context = context;
    }

    /** The alert: file first, then each option that was given. */
    Alert.Builder alertBuilder() throws UsageException {
        if (buildOptions.isRequested()) {
            if (file != null) {
                throw new UsageException("--file cannot be combined with --from-junit, --log or --job");
            }
            return buildOptions.alert(context, AlertOverrides.builder().title(title).description(description)
                    .sourceAlertId(sourceAlertId).severity(severity == null ? null : Severity.parse(severity))
                    .service(service).environment(environment).tags(tags).metadata(metadata).build());
        }
        Alert.Builder builder = file == null ? Alert.builder() : AlertFile.read(file);
        if (title != null) {
            builder.title(title);
        }
        if (description != null) {
            builder.description(description);
        }
        if (sourceAlertId != null) {
            builder.sourceAlertId(sourceAlertId);
        }
        if (severity != null) {
            builder.severity(Severity.parse(severity));
        }
        if (service != null) {
            builder.service(service);
        }
        if (environment != null) {
            builder.environment(environment);
        }
        builder.tags(tags);
        metadata.forEach(builder::metadata);
        return builder;
    }

    @Override
    public Integer call() throws UsageException {
        Alert alert;
        try {
            alert = alertBuilder().build();
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("invalid alert: " + e.getMessage());
        }
        if (outbox != null && alert.sourceAlertId().isEmpty()) {
            throw new UsageException("--outbox needs a sourceAlertId (--source-alert-id, the file's sourceAlertId or "
                    + "build mode): a queued alert relies on it to open one incident however often it is sent");
        }
        if (dryRun) {
            context.out().println(new String(alert.toJsonBytes(), StandardCharsets.UTF_8));
            context.out().flush();
            return ExitCodes.OK;
        }
        String apiKey = Secrets.read(context, apiKeyFile, "CAUSEFLOW_API_KEY", "--api-key-file", "API key");
        String secret = Secrets.read(context, webhookSecretFile, "CAUSEFLOW_WEBHOOK_SECRET", "--webhook-secret-file",
                "webhook secret");
        Redactor redactor = Redactor.of(apiKey, secret);
        CauseFlowClient client;
        try {
            client = CauseFlowClient.builder()
                    .baseUrl(CauseFlowCli.baseUrl(context, url))
                    .tenantId(tenant != null ? tenant : context.env("CAUSEFLOW_TENANT_ID"))
                    .apiKey(apiKey)
                    .webhookSecret(secret)
                    .signatureFormat(signatureFormat)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts).perAttemptTimeout(attemptTimeout)
                            .totalBudget(budget).maxBackoff(RetryPolicy.DEFAULT_MAX_BACKOFF).build())
                    .build();
        }
        catch (IllegalArgumentException e) {
            throw new UsageException(redactor.redact(e.getMessage()));
        }
        DeliveryOutcome outcome = client.send(alert);
        if (outbox != null && outcome.status() == DeliveryStatus.FAILED) {
            return OutboxCommands.queue(context, outbox, alert, client, outcome, output);
        }
        // The message may carry server text: never a control character on the terminal (C0 and C1).
        context.out().println(output == OutputFormat.JSON ? StreamCommand.escapeC1(json(outcome))
                : StreamCommand.oneLine(text(outcome)));
        context.out().flush();
        return ExitCodes.of(outcome.status());
    }

    static String text(final DeliveryOutcome outcome) {
        StringBuilder line = new StringBuilder(outcome.status().name()).append(": ").append(outcome.message());
        line.append(" [attempts=").append(outcome.attempts());
        outcome.sourceAlertId().ifPresent(id -> line.append(", sourceAlertId=").append(id));
        line.append(", elapsed=").append(outcome.elapsed().toMillis()).append("ms]");
        return line.toString();
    }

    static String json(final DeliveryOutcome outcome) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", outcome.status().name());
        node.put("delivered", outcome.isDelivered());
        if (outcome.httpStatus().isPresent()) {
            node.put("httpStatus", outcome.httpStatus().getAsInt());
        }
        else {
            node.putNull("httpStatus");
        }
        node.put("incidentId", outcome.incidentId().orElse(null));
        node.put("attempts", outcome.attempts());
        node.put("errorCode", outcome.errorCode().orElse(null));
        node.put("message", outcome.message());
        node.put("sourceAlertId", outcome.sourceAlertId().orElse(null));
        node.put("elapsedMs", outcome.elapsed().toMillis());
        return node.toString();
    }
}
