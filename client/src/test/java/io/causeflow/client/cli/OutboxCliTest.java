package io.causeflow.client.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.causeflow.client.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests {@code causeflow send --outbox} and {@code causeflow flush} in-process against WireMock. */
class OutboxCliTest {
    private static final String API_KEY = "cflo_live_sk_OUTBOXCLIKEY";
    private static final String SECRET = "whsec_OUTBOXCLIHMAC";
    private static final String PATH = "/v1/webhooks/ten_1/custom";
    private static WireMockServer server;

    @TempDir
    Path outbox;

    private final Map<String, String> env = new HashMap<>();
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

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
    void reset() {
        server.resetAll();
        env.put("CAUSEFLOW_URL", server.baseUrl());
        env.put("CAUSEFLOW_TENANT_ID", "ten_1");
        env.put("CAUSEFLOW_API_KEY", API_KEY);
        env.put("CAUSEFLOW_WEBHOOK_SECRET", SECRET);
    }

    private int run(final String... args) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        return CauseFlowCli.run(args, env, new PrintWriter(stdout), new PrintWriter(stderr));
    }

    private int sendQueued(final String id) {
        return run("send", "--title", "Build failed", "--description", "tests failed", "--source-alert-id", id,
                "--max-attempts", "1", "--outbox", outbox.toString());
    }

    @Test
    void shouldQueueWhenDeliveryFailsAndDeliverTheSameBytesOnFlush() throws IOException {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThat(sendQueued("ci-42")).isEqualTo(ExitCodes.QUEUED);
        assertThat(stdout.toString()).startsWith("QUEUED: failed after 1 attempt").contains("sourceAlertId=ci-42")
                .contains("for 'causeflow flush'");
        assertThat(files(outbox.resolve("pending"))).hasSize(1);
        assertThatNoFileHoldsASecret();

        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)
                .withBody("{\"incidentId\":\"inc_7\"}")));
        assertThat(run("flush", "--outbox", outbox.toString(), "--all")).isEqualTo(ExitCodes.OK);

        assertThat(stdout.toString()).contains("ACCEPTED: ci-42").contains("incident inc_7")
                .contains("1 delivered, 0 moved to dead/ now; 0 pending");
        assertThat(files(outbox.resolve("pending"))).isEmpty();
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        byte[] body = requests.get(0).getBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"sourceAlertId\":\"ci-42\"");
        assertThat(requests.get(0).getHeader(WebhookSigner.HEADER)).isEqualTo(WebhookSigner.of(SECRET).sign(body));
        assertThat(requests.get(0).getHeader("X-API-Key")).isEqualTo(API_KEY);
    }

    @Test
    void shouldReportStillPendingAndDeadEntriesThroughTheExitCode() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(sendQueued("a-1")).isEqualTo(ExitCodes.QUEUED);

        assertThat(run("flush", "--outbox", outbox.toString(), "--all")).isEqualTo(ExitCodes.QUEUED);
        assertThat(stdout.toString()).contains("PENDING: a-1").contains("HTTP 503").contains("1 pending");

        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_api_key\"}")));
        assertThat(run("flush", "--outbox", outbox.toString(), "--all")).isEqualTo(ExitCodes.REJECTED);
        assertThat(stdout.toString()).contains("DEAD: a-1").contains("HTTP 401 invalid_api_key")
                .contains("1 dead");

        assertThat(run("flush", "--outbox", outbox.toString(), "--list")).isEqualTo(ExitCodes.OK);
        assertThat(stdout.toString()).contains("DEAD: a-1").contains("0 pending, 1 dead");
    }

    @Test
    void shouldNotQueueARejectedAlert() throws IOException {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)));

        assertThat(sendQueued("bad")).isEqualTo(ExitCodes.REJECTED);
        assertThat(stdout.toString()).startsWith("REJECTED");
        assertThat(files(outbox.resolve("pending"))).isEmpty();
    }

    @Test
    void shouldRefuseOutboxWithoutSourceAlertId() {
        int code = run("send", "--title", "t", "--description", "d", "--outbox", outbox.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr.toString()).contains("--outbox needs a sourceAlertId");
        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void shouldNeedSecretsToFlushButNotToList() {
        env.remove("CAUSEFLOW_API_KEY");

        assertThat(run("flush", "--outbox", outbox.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr.toString()).contains("no API key");
        assertThat(run("flush", "--outbox", outbox.toString(), "--list")).isEqualTo(ExitCodes.OK);
    }

    private void assertThatNoFileHoldsASecret() throws IOException {
        try (Stream<Path> walk = Files.walk(outbox)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain(API_KEY)
                        .doesNotContain(SECRET);
            }
        }
    }

    private static List<Path> files(final Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
