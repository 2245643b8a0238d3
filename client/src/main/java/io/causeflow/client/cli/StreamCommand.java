package io.causeflow.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.Redactor;
import io.causeflow.client.events.CauseFlowEvent;
import io.causeflow.client.events.CauseFlowEvent.GenericEvent;
import io.causeflow.client.events.CauseFlowEvent.IncidentCreated;
import io.causeflow.client.events.CauseFlowEvent.IncidentStatusChanged;
import io.causeflow.client.events.CauseFlowEvent.InvestigationCompleted;
import io.causeflow.client.events.CauseFlowEvent.InvestigationProgress;
import io.causeflow.client.events.CauseFlowEvent.Ping;
import io.causeflow.client.events.CauseFlowEvent.RemediationProposed;
import io.causeflow.client.events.EventListener;
import io.causeflow.client.events.EventStreamClient;
import io.causeflow.client.events.EventSubscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** {@code causeflow stream}: prints notification events as they arrive, one line each. */
@Command(name = "stream", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Print CauseFlow notification events as they arrive (reconnects automatically).",
        footer = {"", "Token: CAUSEFLOW_STREAM_TOKEN or --token-file; never as an argument value.",
                "Exit codes: 0 ended by --max-events, or by --timeout after connecting; 2 refused (401/403, redirect,"
                        + " 400 or another 4xx); 3 ended by the server (204/404/410) or never connected before"
                        + " --timeout; 64 usage."})
final class StreamCommand implements java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CliContext context;

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL (default: $CAUSEFLOW_URL or https://api.causeflow.ai).")
    @CheckForNull
    private URI url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the stream token.")
    @CheckForNull
    private Path tokenFile;

    @Option(names = "--max-events", paramLabel = "N", description = "Stop after N events (pings not counted).")
    private int maxEvents;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 30s, 5m); default: run until interrupted.")
    @CheckForNull
    private Duration timeout;

    @Option(names = "--last-event-id", paramLabel = "ID", description = "Resume after this event id.")
    @CheckForNull
    private String lastEventId;

    @Option(names = "--heartbeat-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Reconnect when silent this long (default: 75s).")
    private Duration heartbeatTimeout = EventStreamClient.DEFAULT_HEARTBEAT_TIMEOUT;

    @Option(names = "--max-event-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Drop events (and lines) larger than this many characters, e.g. 64k, 1m (default: 1m).")
    private int maxEventSize = io.causeflow.client.events.SseParser.DEFAULT_MAX_CHARS;

    @Option(names = "--show-pings", description = "Print keep-alive pings too.")
    private boolean showPings;

    @Option(names = "--output", paramLabel = "FORMAT", description = "TEXT (default) or JSON (one object per line).")
    private OutputFormat output = OutputFormat.TEXT;

    StreamCommand(final CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException, InterruptedException {
        if (maxEvents < 0) {
            throw new UsageException("--max-events must not be negative");
        }
        String token = Secrets.read(context, tokenFile, "CAUSEFLOW_STREAM_TOKEN", "--token-file", "stream token");
        Redactor redactor = Redactor.of(token);
        EventStreamClient.Builder builder = EventStreamClient.builder().baseUrl(CauseFlowCli.baseUrl(context, url))
                .token(token).heartbeatTimeout(heartbeatTimeout).maxEventChars(maxEventSize);
        if (lastEventId != null) {
            builder.lastEventId(lastEventId);
        }
        EventStreamClient client;
        try {
            client = builder.build();
        }
        catch (IllegalArgumentException e) {
            throw new UsageException(redactor.redact(e.getMessage()));
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger printed = new AtomicInteger();
        AtomicReference<EventListener.CloseReason> closedBy = new AtomicReference<>();
        AtomicBoolean connected = new AtomicBoolean();
        AtomicReference<String> lastProblem = new AtomicReference<>("no answer yet");
        EventListener listener = new EventListener() {
            @Override
            public void onConnected() {
                connected.set(true);
            }

            @Override
            public void onEventDropped(final String reason) {
                printError(reason);
            }

            @Override
            public void onEvent(final CauseFlowEvent event) {
                if (event instanceof Ping && !showPings) {
                    return;
                }
                if (maxEvents > 0 && printed.get() >= maxEvents) {
                    return;
                }
                synchronized (context) {
                    context.out().println(output == OutputFormat.JSON ? json(event) : text(event));
                    context.out().flush();
                }
                if (!(event instanceof Ping) && maxEvents > 0 && printed.incrementAndGet() >= maxEvents) {
                    done.countDown();
                }
            }

            @Override
            public void onDisconnected(final String reason, final Duration reconnectIn) {
                lastProblem.set(reason);
                printError("stream interrupted (" + reason + "), reconnecting in " + reconnectIn.toMillis() + " ms");
            }

            @Override
            public void onClosed(final CloseReason reason, final String message) {
                if (reason != CloseReason.CLOSED_BY_CALLER) {
                    closedBy.set(reason);
                    printError("stream closed: " + message);
                }
                done.countDown(); // closing by the caller takes no lock: --timeout must never wait for output
            }

            private void printError(final String text) {
                synchronized (context) {
                    context.err().println("causeflow: " + oneLine(redactor.redact(text)));
                    context.err().flush();
                }
            }
        };
        EventSubscription subscription = client.subscribe(listener);
        boolean ended;
        try {
            if (timeout == null) {
                done.await();
                ended = true;
            }
            else {
                ended = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        finally {
            subscription.close();
        }
        EventListener.CloseReason reason = closedBy.get();
        if (reason == EventListener.CloseReason.REJECTED) {
            return ExitCodes.REJECTED;
        }
        if (reason == EventListener.CloseReason.ENDED_BY_SERVER) {
            return ExitCodes.FAILED;
        }
        if (!ended && !connected.get()) {
            // A stream that never opened delivered nothing: a script must not read that as success.
            synchronized (context) {
                context.err().println("causeflow: never connected within --timeout " + timeout.toMillis()
                        + " ms (last problem: " + oneLine(redactor.redact(lastProblem.get())) + ")");
                context.err().flush();
            }
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    static String text(final CauseFlowEvent event) {
        StringBuilder line = new StringBuilder();
        event.meta().timestamp().ifPresent(at -> line.append(at).append(' '));
        line.append(event.name());
        if (event instanceof IncidentCreated) {
            IncidentCreated e = (IncidentCreated) event;
            line.append(' ').append(e.incidentId()).append(" [").append(e.severity()).append("] ").append(e.title());
        }
        else if (event instanceof IncidentStatusChanged) {
            IncidentStatusChanged e = (IncidentStatusChanged) event;
            line.append(' ').append(e.incidentId()).append(' ').append(e.previousStatus()).append(" -> ")
                    .append(e.newStatus());
        }
        else if (event instanceof InvestigationProgress) {
            InvestigationProgress e = (InvestigationProgress) event;
            line.append(' ').append(e.incidentId());
            if (e.stepIndex().isPresent() && e.totalSteps().isPresent()) {
                line.append(" (").append(e.stepIndex().getAsInt()).append('/').append(e.totalSteps().getAsInt())
                        .append(')');
            }
            line.append(' ').append(e.message());
        }
        else if (event instanceof InvestigationCompleted) {
            InvestigationCompleted e = (InvestigationCompleted) event;
            line.append(' ').append(e.incidentId()).append(" root cause: ").append(e.rootCause());
            e.confidence().ifPresent(c -> line.append(String.format(java.util.Locale.ROOT, " (confidence %.2f)", c)));
        }
        else if (event instanceof RemediationProposed) {
            RemediationProposed e = (RemediationProposed) event;
            line.append(' ').append(e.incidentId()).append(' ').append(e.remediationId()).append(' ')
                    .append(e.title()).append(e.requiresApproval() ? " (needs approval)" : "");
        }
        else if (event instanceof GenericEvent) {
            line.append(' ').append(event.meta().rawData());
        }
        return oneLine(line.toString());
    }

    static String json(final CauseFlowEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", event.meta().id().orElse(null));
        node.put("event", event.name());
        node.put("timestamp", event.meta().timestamp().map(Object::toString).orElse(null));
        node.put("tenantId", event.meta().tenantId().orElse(null));
        try {
            JsonNode data = MAPPER.readTree(event.meta().rawData());
            node.set("data", data);
        }
        catch (IOException e) {
            node.put("data", event.meta().rawData());
        }
        return escapeC1(node.toString());
    }

    /**
     * Jackson escapes C0 controls but writes C1 (U+0080–U+009F) raw. Outside strings JSON is ASCII, so escaping
     * them as JSON escapes (backslash, u, four hex digits) keeps the same JSON value while no terminal sees an 8-bit control.
     */
    static String escapeC1(final String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
            else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /**
     * Server text reaches a terminal: one line, and no control characters, so no escape sequences: C0 and DEL,
     * and C1 (U+0080–U+009F), since U+009B alone starts a control sequence on terminals that honour 8-bit controls.
     */
    static String oneLine(final String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? ' ' : c);
        }
        return out.toString();
    }
}
