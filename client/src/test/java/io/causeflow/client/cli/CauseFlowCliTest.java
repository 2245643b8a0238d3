package io.causeflow.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.causeflow.client.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link CauseFlowCli}, in-process, with captured output. */
class CauseFlowCliTest {
    private static final String API_KEY = "cflo_live_sk_CLISECRETKEY";
    private static final String SECRET = "whsec_CLISECRETHMAC";
    private static final String TOKEN = "CLISTREAMTOKENSECRET";
    private static final String PATH = "/v1/webhooks/ten_1/custom";
    private static final String STREAM = "/v1/notifications/stream";
    private static WireMockServer server;

    private final Map<String, String> env = new HashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private String out = "";
    private String err = "";

    @TempDir
    private Path dir;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        env.put("CAUSEFLOW_URL", server.baseUrl());
        env.put("CAUSEFLOW_TENANT_ID", "ten_1");
        env.put("CAUSEFLOW_API_KEY", API_KEY);
        env.put("CAUSEFLOW_WEBHOOK_SECRET", SECRET);
        env.put("CAUSEFLOW_STREAM_TOKEN", TOKEN);
    }

    /** Every test's output is checked for secrets. */
    @AfterEach
    void shouldNeverPrintASecret() {
        assertThat(outputs).allSatisfy(text -> assertThat(text).doesNotContain(API_KEY, SECRET, TOKEN));
    }

    private int run(final String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = CauseFlowCli.run(args, env, new PrintWriter(stdout), new PrintWriter(stderr));
        out = stdout.toString();
        err = stderr.toString();
        outputs.add(out);
        outputs.add(err);
        return code;
    }

    private static void answer(final int status, final String body) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void shouldSendAnAlertBuiltFromOptionsAndPrintTheOutcome() {
        answer(202, "{\"incidentId\":\"inc_1\",\"status\":\"triaging\"}");

        int code = run("send", "--title", "Build failed", "--description", "Tests failed", "--severity", "HIGH",
                "--source-alert-id", "ci-42", "--tag", "job=main", "--metadata", "build=42");

        assertThat(code).isZero();
        assertThat(out).startsWith("ACCEPTED: accepted (HTTP 202), incident inc_1 [attempts=1, sourceAlertId=ci-42");
        LoggedRequest request = onlyRequest();
        String body = "{\"title\":\"Build failed\",\"description\":\"Tests failed\",\"sourceAlertId\":\"ci-42\","
                + "\"severity\":\"high\",\"tags\":{\"job\":\"main\"},\"metadata\":{\"build\":\"42\"}}";
        assertThat(request.getBodyAsString()).isEqualTo(body);
        assertThat(request.getHeader("X-API-Key")).isEqualTo(API_KEY);
        assertThat(request.getHeader("X-Webhook-Signature"))
                .isEqualTo(WebhookSigner.of(SECRET).sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadTheAlertFromAFileAndLetOptionsOverrideIt() throws IOException {
        answer(201, "{\"incidentId\":\"inc_2\"}");
        Path file = Files.writeString(dir.resolve("alert.json"), "{\"title\":\"From file\",\"description\":\"d\","
                + "\"externalId\":\"ext-1\",\"severity\":\"critical\",\"tags\":{\"team\":\"a\"},"
                + "\"metadata\":{\"n\":1,\"list\":[true]}}");

        int code = run("send", "--file", file.toString(), "--severity", "low", "--output", "json");

        assertThat(code).isZero();
        assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"title\":\"From file\",\"description\":\"d\","
                + "\"sourceAlertId\":\"ext-1\",\"severity\":\"low\",\"tags\":{\"team\":\"a\"},"
                + "\"metadata\":{\"list\":[true],\"n\":1}}");
        JsonNode json = read(out);
        assertThat(json.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(json.get("delivered").asBoolean()).isTrue();
        assertThat(json.get("httpStatus").asInt()).isEqualTo(201);
        assertThat(json.get("incidentId").asText()).isEqualTo("inc_2");
        assertThat(json.get("attempts").asInt()).isEqualTo(1);
        assertThat(json.get("sourceAlertId").asText()).isEqualTo("ext-1");
    }

    @Test
    void shouldRefuseUnknownFieldsInTheAlertFile() throws IOException {
        Path file = Files.writeString(dir.resolve("alert.json"), "{\"title\":\"t\",\"description\":\"d\","
                + "\"sevrity\":\"low\"}");

        assertThat(run("send", "--file", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("unknown field 'sevrity'");
    }

    @Test
    void shouldExitZeroForADuplicate() {
        answer(409, "{\"error\":\"duplicate_alert\",\"message\":\"seen\",\"incidentId\":\"inc_1\"}");

        assertThat(run("send", "--title", "t", "--description", "d")).isEqualTo(ExitCodes.OK);
        assertThat(out).startsWith("DUPLICATE: duplicate: already delivered (HTTP 409 duplicate_alert), incident inc_1");
    }

    @Test
    void shouldExitTwoWhenRejectedWithoutEchoingSecrets() {
        answer(401, "{\"error\":\"invalid_api_key\",\"message\":\"" + API_KEY + " is unknown\"}");

        assertThat(run("send", "--title", "t", "--description", "d", "--output", "json"))
                .isEqualTo(ExitCodes.REJECTED);
        JsonNode json = read(out);
        assertThat(json.get("status").asText()).isEqualTo("REJECTED");
        assertThat(json.get("errorCode").asText()).isEqualTo("invalid_api_key");
        assertThat(json.get("message").asText()).contains("**** is unknown");
    }

    @Test
    void shouldExitThreeWhenRetriesAreSpent() {
        answer(503, "");

        assertThat(run("send", "--title", "t", "--description", "d", "--max-attempts", "1"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(out).startsWith("FAILED: failed after 1 attempt");
    }

    @Test
    void shouldReadSecretsFromFiles() throws IOException {
        answer(202, "{}");
        env.remove("CAUSEFLOW_API_KEY");
        env.remove("CAUSEFLOW_WEBHOOK_SECRET");
        Path key = Files.writeString(dir.resolve("key"), API_KEY + "\n");
        Path secret = Files.writeString(dir.resolve("secret"), SECRET + "\n");

        assertThat(run("send", "--title", "t", "--description", "d", "--api-key-file", key.toString(),
                "--webhook-secret-file", secret.toString())).isZero();
        assertThat(onlyRequest().getHeader("X-API-Key")).isEqualTo(API_KEY);
    }

    @Test
    void shouldExplainAMissingSecret() {
        env.remove("CAUSEFLOW_WEBHOOK_SECRET");

        assertThat(run("send", "--title", "t", "--description", "d")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("no webhook secret: set CAUSEFLOW_WEBHOOK_SECRET or pass --webhook-secret-file");
        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void shouldRefuseSecretsGivenAsArgumentsWithoutPrintingThem() {
        assertThat(run("send", "--title", "t", "--description", "d", "--api-key=" + API_KEY))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("unknown option(s) --api-key=…").contains("never from arguments");

        assertThat(run("send", "--title", "t", "--description", "d", "--webhook-secret", SECRET))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--webhook-secret and 1 unexpected argument(s), not shown");
        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void shouldNameTheInvalidAlertField() {
        assertThat(run("send", "--description", "d")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("invalid alert: title is required");

        assertThat(run("send", "--title", "t", "--description", "d", "--severity", "urgent"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("severity: unknown value 'urgent'");
    }

    @Test
    void shouldPrintTheBodyOnADryRunAndSendNothing() {
        assertThat(run("send", "--title", "t", "--description", "d", "--dry-run")).isZero();
        assertThat(out.strip()).isEqualTo("{\"title\":\"t\",\"description\":\"d\"}");
        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void shouldExitWithUsageWithoutACommand() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("missing command");
        assertThat(run("--help")).isZero();
        assertThat(out).contains("send").contains("stream");
        assertThat(run("send", "--help")).isZero();
        assertThat(out).contains("--file").contains("Exit codes");
    }

    @Test
    void shouldPrintStreamEventsUntilMaxEvents() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("retry: 20\n\nid: evt_1\nevent: incident.created\ndata: {\"event\":\"incident.created\","
                        + "\"timestamp\":\"2026-11-27T00:00:01Z\",\"data\":{\"incidentId\":\"inc_1\",\"title\":\"Build"
                        + " failed\",\"severity\":\"high\"}}\n\n"
                        + "event: ping\ndata: {}\n\n"
                        + "id: evt_2\nevent: investigation.progress\ndata: {\"incidentId\":\"inc_1\",\"message\":\"Reading"
                        + " logs\",\"stepIndex\":1,\"totalSteps\":3}\n\n"
                        + "id: evt_3\nevent: approval.requested\ndata: {\"x\":1}\n\n")));

        int code = run("stream", "--max-events", "2", "--timeout", "20s");

        assertThat(code).isZero();
        assertThat(out.lines()).containsExactly("2026-11-27T00:00:01Z incident.created inc_1 [high] Build failed",
                "investigation.progress inc_1 (1/3) Reading logs");
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void shouldPrintStreamEventsAsJsonLines() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("id: evt_9\nevent: approval.requested\ndata: {\"approvalId\":\"ap_1\"}\n\n")));

        assertThat(run("stream", "--max-events", "1", "--output", "json", "--timeout", "20s")).isZero();
        JsonNode json = read(out.lines().findFirst().orElseThrow());
        assertThat(json.get("id").asText()).isEqualTo("evt_9");
        assertThat(json.get("event").asText()).isEqualTo("approval.requested");
        assertThat(json.get("data").get("approvalId").asText()).isEqualTo("ap_1");
    }

    @Test
    void shouldKeepControlCharactersFromTheServerOffTheTerminal() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("event: incident.created\ndata: {\"incidentId\":\"inc_1\",\"title\":\"a\\u001b[31mred\\nb\"}\n\n")));

        assertThat(run("stream", "--max-events", "1", "--timeout", "20s")).isZero();
        assertThat(out.lines()).containsExactly("incident.created inc_1 [] a [31mred b");
    }

    @Test
    void shouldEndTheStreamAtTheTimeout() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("retry: 50\nevent: ping\ndata: {}\n\n")));

        assertThat(run("stream", "--timeout", "2s")).isZero(); // long enough to connect on a loaded machine
        assertThat(out).isEmpty();
    }

    @Test
    void shouldExitTwoWhenTheStreamTokenIsRejected() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(401)));

        assertThat(run("stream", "--timeout", "20s")).isEqualTo(ExitCodes.REJECTED);
        assertThat(err).contains("HTTP 401");
    }

    @Test
    void shouldRequireAStreamToken() {
        env.remove("CAUSEFLOW_STREAM_TOKEN");

        assertThat(run("stream", "--timeout", "1s")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("CAUSEFLOW_STREAM_TOKEN");
    }

    @Test
    void shouldEndTheStreamOnARedirectWithExitTwoAndTheReason() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://login.example/")));

        assertThat(run("stream", "--timeout", "20s")).isEqualTo(ExitCodes.REJECTED);
        assertThat(err).contains("HTTP 302 redirect to https://login.example/: check the base URL");
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldEndTheStreamOnA400WithExitTwoAndTheServersMessage() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"validation_error\",\"message\":\"Last-Event-ID must be an event id such"
                        + " as evt_000000000042\"}")));

        assertThat(run("stream", "--timeout", "20s", "--last-event-id", "evt_01HX")).isEqualTo(ExitCodes.REJECTED);
        assertThat(err).contains("HTTP 400 validation_error: Last-Event-ID must be an event id");
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldNotCallAStreamThatNeverConnectedASuccess() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(503)));

        assertThat(run("stream", "--timeout", "500ms")).isEqualTo(ExitCodes.FAILED);
        assertThat(err).contains("never connected within --timeout 500 ms (last problem: HTTP 503)");
    }

    @Test
    void shouldReportADroppedEventOnStandardErrorAndPrintTheNext() {
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("id: evt_1\nevent: incident.created\ndata: {\"title\":\"" + "x".repeat(5000) + "\"}\n\n"
                        + "id: evt_2\nevent: incident.created\ndata: {\"incidentId\":\"inc_2\"}\n\n")));

        assertThat(run("stream", "--max-events", "1", "--timeout", "20s", "--max-event-size", "1k")).isZero();
        assertThat(err).contains("causeflow: event dropped: line longer than 1024 characters");
        assertThat(out.lines()).containsExactly("incident.created inc_2 [] ");
    }

    @Test
    void shouldKeepC1ControlCharactersOffTheTerminalInTextAndJson() {
        String body = "event: incident.created\ndata: {\"incidentId\":\"inc_1\",\"title\":\"a\u009b31mred\u0085b\"}\n\n";
        server.stubFor(get(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(body)));

        assertThat(run("stream", "--max-events", "1", "--timeout", "20s")).isZero();
        assertThat(out.lines()).containsExactly("incident.created inc_1 [] a 31mred b");
        assertThat(run("stream", "--max-events", "1", "--timeout", "20s", "--output", "json")).isZero();
        assertThat(out).doesNotContain("\u009b", "\u0085").contains("a\\u009b31mred\\u0085b");
        assertThat(read(out.strip()).get("data").get("title").asText()).isEqualTo("a\u009b31mred\u0085b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--api-key-file", "--webhook-secret-file", "--severity-rules", "--file"})
    void shouldRefuseADeviceInsteadOfReadingItForever(final String option) {
        int code = option.equals("--severity-rules")
                ? run("send", "--job", "j", "--build", "1", "--result", "FAILURE", option, "/dev/zero")
                : option.equals("--file") ? run("send", option, "/dev/zero")
                : run("send", "--title", "t", "--description", "d", option, "/dev/zero");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains(option + " /dev/zero: not a regular file").doesNotContain("Exception", "\tat ");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    @Timeout(20)
    void shouldRefuseAFifoWithoutBlocking() throws IOException, InterruptedException {
        Path fifo = dir.resolve("key.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(run("send", "--title", "t", "--description", "d", "--api-key-file", fifo.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--api-key-file " + fifo + ": not a regular file");
        assertThat(run("stream", "--token-file", fifo.toString(), "--timeout", "1s")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--token-file " + fifo + ": not a regular file");
    }

    @Test
    void shouldRefuseOversizedInputFilesNamingTheLimit() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "k".repeat(InputFiles.MAX_SECRET_BYTES + 1));
        Path rules = Files.writeString(dir.resolve("rules"), "#".repeat(InputFiles.MAX_RULES_BYTES + 1));

        assertThat(run("send", "--title", "t", "--description", "d", "--api-key-file", key.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--api-key-file " + key + ": larger than 4096 bytes");
        assertThat(run("send", "--job", "j", "--build", "1", "--result", "FAILURE", "--severity-rules",
                rules.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--severity-rules " + rules + ": larger than 1048576 bytes");
        assertThat(run("send", "--title", "t", "--description", "d", "--api-key-file",
                dir.resolve("missing").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains(": no such file");
    }

    @Test
    void shouldKeepControlCharactersOfARefusalOffTheTerminal() {
        answer(400, "{\"error\":\"bad\",\"message\":\"x\\u009b2Jy\\u001b[0m\"}");

        assertThat(run("send", "--title", "t", "--description", "d")).isEqualTo(ExitCodes.REJECTED);
        assertThat(out).contains("x 2Jy [0m").doesNotContain("\u009b", "\u001b");
        assertThat(run("send", "--title", "t", "--description", "d", "--output", "json"))
                .isEqualTo(ExitCodes.REJECTED);
        assertThat(out).doesNotContain("\u009b", "\u001b");
    }

    private static JsonNode read(final String json) {
        try {
            return new ObjectMapper().readTree(json);
        }
        catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
