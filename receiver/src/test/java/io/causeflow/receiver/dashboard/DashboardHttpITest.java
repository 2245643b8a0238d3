package io.causeflow.receiver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.receiver.ReceiverConfig;
import io.causeflow.receiver.ReceiverServer;
import io.causeflow.receiver.ingest.SignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link Dashboard} over plain HTTP against a started receiver: the security headers and the refusals
 * a browser test cannot provoke (cross-site requests, missing CSRF token, oversized sign-in bodies).
 */
class DashboardHttpITest {
    private static final String API_KEY = "cflo_test_sk_acme_3a9d0c";
    private static final String SECRET = "whsec_test_7f3a91";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern COOKIE = Pattern.compile(Dashboard.SESSION_COOKIE + "=([A-Za-z0-9_-]+)");

    private static ReceiverServer server;

    @BeforeAll
    static void start() {
        server = ReceiverServer.create(ReceiverConfig.builder()
                .tenant("acme", API_KEY, SECRET, "cfst_test_acme_51e2b7")
                .simulatorStepDelay(Duration.ofHours(1)).build()).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldPutTheContentSecurityPolicyOnEveryDashboardAnswer() throws Exception {
        String session = signIn();
        for (String path : List.of("/dashboard/sign-in", "/dashboard", "/dashboard/assets/list.js",
                "/dashboard/assets/dashboard.css", "/dashboard/api/incidents", "/dashboard/api/session",
                "/dashboard/assets/nope.js", "/dashboard/incidents/inc_missing")) {
            HttpResponse<String> response = get(path, session);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains(Dashboard.CONTENT_SECURITY_POLICY);
            soft.assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            soft.assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            soft.assertAll();
        }
        assertThat(Dashboard.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "style-src 'self'",
                "default-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void shouldTurnTheApiKeyIntoAnHttpOnlyStrictCookieAndKeepItOutOfUrls() throws Exception {
        HttpResponse<String> response = postForm("apiKey=" + API_KEY, server.baseUri().toString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/dashboard");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/dashboard").doesNotContain(API_KEY);
    }

    @Test
    void shouldRefuseAWrongKeyAndRequestsWithoutSession() throws Exception {
        HttpResponse<String> wrong = postForm("apiKey=cflo_not_a_key", server.baseUri().toString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("does not belong to any tenant").doesNotContain("cflo_not_a_key");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(get("/dashboard/api/incidents", null).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/api/events", null).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/api/incidents", "forged-session-id").statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/dashboard", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/dashboard/sign-in");
    }

    @Test
    void shouldRefuseCrossSiteSignInAndOversizedForms() throws Exception {
        assertThat(postForm("apiKey=" + API_KEY, "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(postForm("apiKey=" + "a".repeat(5000), server.baseUri().toString()).statusCode()).isEqualTo(413);
    }

    @Test
    void shouldResolveOnlyWithTheSessionsCsrfTokenFromTheSameOrigin() throws Exception {
        String session = signIn();
        String incidentId = sendAlert("csrf-1");
        String csrf = get("/dashboard/api/session", session).body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        String path = "/dashboard/api/incidents/" + incidentId + "/resolve";

        assertThat(post(path, session, null, null).statusCode()).as("no token").isEqualTo(403);
        assertThat(post(path, session, "wrong", null).statusCode()).as("wrong token").isEqualTo(403);
        assertThat(post(path, session, csrf, "http://evil.example").statusCode()).as("other origin").isEqualTo(403);
        assertThat(server.incident(incidentId).orElseThrow().status().wireName()).isNotEqualTo("resolved");

        HttpResponse<String> ok = post(path, session, csrf, server.baseUri().toString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"status\":\"resolved\"");
        assertThat(server.incident(incidentId).orElseThrow().status().wireName()).isEqualTo("resolved");
    }

    @Test
    void shouldRejectAnUnknownStatusFilter() throws Exception {
        HttpResponse<String> response = get("/dashboard/api/incidents?status=bogus", signIn());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("validation_error", "status must be");
    }

    private static String signIn() throws IOException, InterruptedException {
        HttpResponse<String> response = postForm("apiKey=" + API_KEY, server.baseUri().toString());
        Matcher matcher = COOKIE.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String sendAlert(String sourceAlertId) throws IOException, InterruptedException {
        String body = "{\"title\":\"Build failed\",\"description\":\"ERROR: it broke\",\"sourceAlertId\":\""
                + sourceAlertId + "\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(
                "/v1/webhooks/acme/custom")).header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .header("X-Webhook-Signature", "sha256=" + SignatureVerifier.hexHmac(SECRET,
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        return response.body().replaceAll(".*\"incidentId\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(10));
        if (session != null) {
            request.header("Cookie", Dashboard.SESSION_COOKIE + "=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String session, String csrf, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Cookie", Dashboard.SESSION_COOKIE + "=" + session).POST(HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String form, String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/dashboard/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
