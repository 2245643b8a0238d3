package io.causeflow.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.causeflow.client.fixtures.ManualClock;
import io.causeflow.client.fixtures.RawHttpServer;
import io.causeflow.client.fixtures.RecordingSleeper;
import io.causeflow.client.fixtures.TestAlerts;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link CauseFlowClient} against a WireMock server on loopback. */
class CauseFlowClientTest {
    private static final String API_KEY = "cflo_live_sk_TOPSECRETKEY123";
    private static final String SECRET = "whsec_TOPSECRETHMAC456";
    private static final String PATH = "/v1/webhooks/ten_42/custom";
    private static final String SCENARIO = "retry";
    private static WireMockServer server;

    private ManualClock clock;
    private RecordingSleeper sleeper;

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
    void resetServer() {
        server.resetAll();
        clock = ManualClock.atDefaultStart();
        sleeper = new RecordingSleeper(clock);
    }

    private CauseFlowClient.Builder client() {
        return CauseFlowClient.builder()
                .baseUrl(URI.create(server.baseUrl() + "/"))
                .tenantId("ten_42")
                .apiKey(API_KEY)
                .webhookSecret(SECRET)
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .sleeper(sleeper)
                .clock(clock)
                .jitter(() -> 0.5);
    }

    private static void answer(final int status, final String body) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void shouldPostTheExactSignedBytesWithTheProtocolHeaders() {
        answer(202, "{\"incidentId\":\"inc_01HX9VTPQR3KF8MZWBYD5N6JCE\",\"status\":\"triaging\"}");
        Alert alert = TestAlerts.buildFailure().build();

        DeliveryOutcome outcome = client().build().send(alert);

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(request.getBody()).isEqualTo(alert.toJsonBytes());
            softly.assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            softly.assertThat(request.getHeader("X-API-Key")).isEqualTo(API_KEY);
            softly.assertThat(request.getHeader("X-Webhook-Signature"))
                    .isEqualTo("sha256=" + WebhookSigner.of(SECRET).hex(alert.toJsonBytes()));
        });
    }

    @Test
    void shouldSendBareHexWhenConfigured() {
        answer(202, "{}");
        Alert alert = TestAlerts.buildFailure().build();

        client().signatureFormat(SignatureFormat.BARE).build().send(alert);

        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("X-Webhook-Signature"))
                .isEqualTo(WebhookSigner.of(SECRET).hex(alert.toJsonBytes()));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202})
    void shouldAcceptAny2xxAndReadTheIncidentId(final int status) {
        answer(status, "{\"incidentId\":\"inc_7\",\"status\":\"open\"}");

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            softly.assertThat(outcome.httpStatus()).hasValue(status);
            softly.assertThat(outcome.incidentId()).hasValue("inc_7");
            softly.assertThat(outcome.attempts()).isEqualTo(1);
            softly.assertThat(outcome.sourceAlertId()).hasValue(TestAlerts.buildFailure().build().sourceAlertId()
                    .orElseThrow());
            softly.assertThat(outcome.message()).isEqualTo("accepted (HTTP " + status + "), incident inc_7");
            softly.assertThat(sleeper.waits()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "[1,2]", "{\"incidentId\":", ""})
    void shouldStillAcceptA2xxWithAMalformedBody(final String body) {
        answer(202, body);

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(outcome.incidentId()).isEmpty();
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.message()).contains("response body not understood");
    }

    @Test
    void shouldReportADuplicateWithoutRetrying() {
        answer(409, "{\"error\":\"duplicate_alert\",\"message\":\"already have it\",\"incidentId\":\"inc_1\"}");

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(outcome.status()).isEqualTo(DeliveryStatus.DUPLICATE);
            softly.assertThat(outcome.isDelivered()).isTrue();
            softly.assertThat(outcome.incidentId()).hasValue("inc_1");
            softly.assertThat(outcome.errorCode()).hasValue("duplicate_alert");
            softly.assertThat(outcome.httpStatus()).hasValue(409);
            softly.assertThat(outcome.attempts()).isEqualTo(1);
        });
        server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @CsvSource({
            "400, validation_error", "401, invalid_signature", "403, forbidden", "404, not_found",
            "413, payload_too_large", "415, unsupported_media_type", "422, validation_error", "402, quota_exceeded"})
    void shouldRejectFinalClientErrorsWithoutRetrying(final int status, final String code) {
        answer(status, "{\"error\":\"" + code + "\",\"message\":\"nope\"}");

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(outcome.status()).isEqualTo(DeliveryStatus.REJECTED);
            softly.assertThat(outcome.httpStatus()).hasValue(status);
            softly.assertThat(outcome.errorCode()).hasValue(code);
            softly.assertThat(outcome.message()).startsWith("rejected (HTTP " + status + " " + code + "): nope;");
            softly.assertThat(outcome.attempts()).isEqualTo(1);
            softly.assertThat(sleeper.waits()).isEmpty();
        });
        server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void shouldPointAtCredentialsWhenRejectedWith401() {
        answer(401, "{\"error\":\"invalid_api_key\",\"message\":\"bad key\"}");

        assertThat(client().build().send(TestAlerts.buildFailure().build()).message())
                .contains("check the API key, the webhook secret and the tenant id");
    }

    @Test
    void shouldRetryAfter500AndSendIdenticalBytesAndSignature() {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"internal\"}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202).withBody("{\"incidentId\":\"inc_2\"}")));

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.incidentId()).hasValue("inc_2");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500)); // 0.5 x the 1 s first ceiling
        List<LoggedRequest> requests = server.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBody()).isEqualTo(requests.get(0).getBody());
        assertThat(requests.get(1).getHeader("X-Webhook-Signature"))
                .isEqualTo(requests.get(0).getHeader("X-Webhook-Signature"));
    }

    @Test
    void shouldBackOffExponentiallyWithinTheJitterCeilings() {
        answer(503, "");
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(3)).totalBudget(Duration.ofMinutes(5)).build();

        DeliveryOutcome outcome = client().retryPolicy(policy).jitter(() -> 0.999_999).build()
                .send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(5);
        assertThat(outcome.httpStatus()).hasValue(503);
        assertThat(outcome.message()).startsWith("failed after 5 attempts").contains("HTTP 503")
                .endsWith("all 5 attempts used");
        // Ceilings 1 s, 2 s, then capped at 3 s.
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void shouldDrawFullJitterBetweenZeroAndTheCeiling() {
        answer(500, "");
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).totalBudget(Duration.ofMinutes(5)).build();

        client().retryPolicy(policy).jitter(() -> 0.0).build().send(TestAlerts.buildFailure().build());

        assertThat(sleeper.waits()).containsExactly(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void shouldKeepEveryRandomWaitWithinItsCeiling() {
        answer(503, "");
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1600)).totalBudget(Duration.ofMinutes(5)).build();
        java.util.Random random = new java.util.Random(42);

        client().retryPolicy(policy).jitter(random::nextDouble).build().send(TestAlerts.buildFailure().build());

        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(7);
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).as("wait %d", i + 1).isBetween(Duration.ZERO, policy.backoffCeiling(i + 1));
        }
        assertThat(waits).as("jitter actually varies the waits").doesNotHaveDuplicates();
    }

    @Test
    void shouldHonourRetryAfterSeconds() {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"error\":\"rate_limit_exceeded\"}"))
                .willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202).withBody("{\"incidentId\":\"inc_3\"}")));

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shouldHonourRetryAfterAsAnHttpDate() {
        answer(503, "");
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "Fri, 27 Nov 2026 00:00:12 GMT")));

        client().retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()
                .send(TestAlerts.buildFailure().build());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void shouldHonourRateLimitResetOn429() {
        long reset = clock.instant().getEpochSecond() + 9;
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", Long.toString(reset)).withHeader("X-RateLimit-Remaining", "0")));

        client().retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()
                .send(TestAlerts.buildFailure().build());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void shouldStopWhenTheServerAsksToWaitBeyondTheBudget() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120").withBody("{\"error\":\"rate_limit_exceeded\"}")));

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.errorCode()).hasValue("rate_limit_exceeded");
        assertThat(outcome.message()).contains("server asked to wait 120 s, beyond the remaining budget of 60 s");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void shouldStopWhenTheTotalBudgetIsSpent() {
        answer(500, "");
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofSeconds(2))
                .maxBackoff(Duration.ofSeconds(30)).totalBudget(Duration.ofSeconds(5)).build();

        DeliveryOutcome outcome = client().retryPolicy(policy).jitter(() -> 1.0).build()
                .send(TestAlerts.buildFailure().build());

        // Waits 2 s; the next ceiling (4 s) no longer fits the 3 s left.
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.message()).endsWith("time budget of 5 s spent");
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldTurnAConnectionResetIntoAFailedOutcome() {
        server.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeliveryOutcome outcome = client().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build()
                .send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.httpStatus()).isEmpty();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.message()).contains("I/O error");
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void shouldRecoverFromAConnectionReset() {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202).withBody("{\"incidentId\":\"inc_4\"}")));

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(outcome.attempts()).isEqualTo(2);
    }

    @Test
    void shouldGiveUpOnAResponseSlowerThanThePerAttemptTimeout() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202).withFixedDelay(1500)));
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).perAttemptTimeout(Duration.ofMillis(200)).build();

        DeliveryOutcome outcome = client().retryPolicy(policy).build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.httpStatus()).isEmpty();
        assertThat(outcome.message()).contains("no response within 0.2 s");
    }

    @Test
    void shouldFailWithoutAnExceptionWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        DeliveryOutcome outcome = client().baseUrl(URI.create("http://127.0.0.1:" + port))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()
                .send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.message()).contains("cannot connect to 127.0.0.1");
    }

    @Test
    void shouldStopAndKeepTheInterruptWhenInterruptedWhileWaiting() {
        answer(500, "");

        DeliveryOutcome outcome = client().sleeper(duration -> {
            throw new InterruptedException("stop");
        }).build().send(TestAlerts.buildFailure().build());

        assertThat(Thread.interrupted()).isTrue(); // also clears the flag for the next test
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.message()).endsWith("interrupted while waiting to retry");
    }

    @Test
    void shouldKeepSecretsOutOfOutcomesEvenWhenTheServerEchoesThem() {
        answer(401, "{\"error\":\"invalid_api_key\",\"message\":\"key " + API_KEY + " with secret " + SECRET
                + " is not valid\"}");
        CauseFlowClient client = client().build();

        DeliveryOutcome outcome = client.send(TestAlerts.buildFailure().build());

        assertThat(outcome.message()).contains("key **** with secret ****").doesNotContain(API_KEY, SECRET);
        assertThat(outcome.toString()).doesNotContain(API_KEY, SECRET);
        assertThat(client.toString()).doesNotContain(API_KEY, SECRET);
        assertThat(client.redact("x" + API_KEY)).isEqualTo("x****");
    }

    @Test
    void shouldKeepSecretsOutOfTransientFailureMessages() {
        answer(503, "{\"error\":\"unavailable\",\"message\":\"cannot check " + API_KEY + "\"}");

        DeliveryOutcome outcome = client().retryPolicy(RetryPolicy.noRetries()).build()
                .send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.toString()).contains("cannot check ****").doesNotContain(API_KEY);
    }

    @Test
    void shouldNameTheMissingFieldButNeverASecretValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> client().tenantId(null).build())
                .withMessage("tenantId is required");
        assertThatIllegalArgumentException().isThrownBy(() -> client().apiKey(null).build())
                .withMessage("apiKey is required");
        assertThatIllegalArgumentException().isThrownBy(() -> client().webhookSecret("").build())
                .withMessage("webhookSecret is required");
        AtomicReference<String> message = new AtomicReference<>();
        assertThatIllegalArgumentException().isThrownBy(() -> client().apiKey("cflo_with space_SECRETPART").build())
                .satisfies(e -> message.set(e.getMessage()));
        assertThat(message.get()).contains("apiKey").doesNotContain("SECRETPART");
    }

    @Test
    void shouldPostToTheTenantsCustomWebhook() {
        CauseFlowClient client = client().baseUrl(URI.create("https://causeflow.example/api/")).tenantId("t+1/x")
                .build();

        assertThat(client.endpoint()).hasToString("https://causeflow.example/api/v1/webhooks/t%2B1%2Fx/custom");
        assertThat(CauseFlowClient.builder().tenantId("t").apiKey("k").webhookSecret("s").build().endpoint())
                .hasToString("https://api.causeflow.ai/v1/webhooks/t/custom");
    }

    @Test
    void shouldAcceptA202WhoseBodyNeverEndsAfterReadingOnlyTheCap() throws IOException {
        byte[] zeros = new byte[64 * 1024];
        try (RawHttpServer hostile = RawHttpServer.start((head, out) -> {
            out.write("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            RawHttpServer.repeat(out, zeros, 10_000);
        })) {
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(1).perAttemptTimeout(Duration.ofSeconds(20)).build();

            DeliveryOutcome outcome = client().baseUrl(hostile.baseUrl()).retryPolicy(policy).build()
                    .send(TestAlerts.buildFailure().build());

            assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(outcome.httpStatus()).hasValue(202);
            assertThat(outcome.message()).contains("accepted (HTTP 202)", "not understood");
            // The client stopped reading after the cap: only socket buffers' worth went out, not 10 s of zeros.
            assertThat(settledBytesWritten(hostile)).isLessThan(32L * 1024 * 1024);
        }
    }

    /** Waits (at most 5 s) until the server has written nothing for 300 ms, and returns what it wrote. */
    private static long settledBytesWritten(final RawHttpServer server) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long before = -1;
        while (server.bytesWritten() != before && System.nanoTime() < end) {
            before = server.bytesWritten();
            try {
                Thread.sleep(300);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return server.bytesWritten();
    }

    @Test
    void shouldJudgeByTheStatusWhenTheBodyTricklesPastTheAttemptTimeout() throws IOException {
        try (RawHttpServer hostile = RawHttpServer.start((head, out) -> {
            out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 1000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                out.write(' ');
                out.flush();
            }
        })) {
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).perAttemptTimeout(Duration.ofMillis(600))
                    .build();

            DeliveryOutcome outcome = client().baseUrl(hostile.baseUrl()).retryPolicy(policy).build()
                    .send(TestAlerts.buildFailure().build());

            assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.message()).contains("accepted (HTTP 202)", "response body incomplete");
            assertThat(hostile.requests()).isEqualTo(1);
        }
    }

    @Test
    void shouldMaskASecretEchoedAsTheIncidentIdInTheAcceptedMessageToo() {
        answer(202, "{\"incidentId\":\"" + API_KEY + "\"}");

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(outcome.incidentId()).hasValue("****");
        assertThat(outcome.message()).isEqualTo("accepted (HTTP 202), incident ****").doesNotContain(API_KEY);
        assertThat(outcome.toString()).doesNotContain(API_KEY);
    }

    @Test
    void shouldReplaceC1ControlCharactersInServerText() {
        answer(400, "{\"error\":\"bad\\u009b31m\",\"message\":\"x\\u009b2J\\u0085y\\u001b[0m\"}");

        DeliveryOutcome outcome = client().build().send(TestAlerts.buildFailure().build());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(outcome.message()).contains("x 2J y [0m").doesNotContain("\u009b", "\u0085", "\u001b");
        assertThat(outcome.errorCode()).hasValue("bad 31m");
    }
}
