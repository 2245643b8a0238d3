package io.causeflow.receiver;

import io.causeflow.receiver.ingest.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Shared tenants, bodies and a small signed-HTTP helper for the receiver's tests. */
final class Fixtures {
    static final String TENANT = "acme";
    static final String API_KEY = "cflo_test_sk_acme_3a9d0c";
    static final String SECRET = "whsec_test_7f3a91";
    static final String TOKEN = "cfst_test_acme_51e2b7";
    static final String OTHER_TENANT = "globex";
    static final String OTHER_API_KEY = "cflo_test_sk_globex_88aa01";
    static final String OTHER_SECRET = "whsec_test_globex_0b7c";
    static final String OTHER_TOKEN = "cfst_test_globex_c4d5e6";

    /** The protocol's test vector body (section 1.3), 237 bytes. */
    static final String VECTOR_BODY = "{\"title\":\"Queue backlog above 10k on billing-worker\",\"description\":"
            + "\"Pending jobs in billing-queue exceeded 10000 for 15 minutes; consumers are healthy but throughput "
            + "dropped.\",\"sourceAlertId\":\"billing-q-backlog-2291\",\"severity\":\"medium\"}";
    static final String VECTOR_SIGNATURE = "29b1788b80f1767b24fe9396b192ffe0d438de32f2187bfd327a9628dcf666e5";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Fixtures() {
    }

    static ReceiverConfig.Builder config() {
        return ReceiverConfig.builder()
                .tenant(TENANT, API_KEY, SECRET, TOKEN)
                .tenant(OTHER_TENANT, OTHER_API_KEY, OTHER_SECRET, OTHER_TOKEN);
    }

    static String alert(String sourceAlertId) {
        return "{\"title\":\"Build failed: app #" + sourceAlertId + "\",\"description\":\"ERROR: compilation failed in "
                + "module core\",\"sourceAlertId\":\"" + sourceAlertId + "\",\"severity\":\"high\"}";
    }

    static String sign(String secret, String body) {
        return "sha256=" + SignatureVerifier.hexHmac(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A correctly signed alert for {@link #TENANT}. */
    static HttpResponse<String> send(ReceiverServer server, String body) {
        return post(server, "/v1/webhooks/" + TENANT + "/custom", body, Map.of("Content-Type", "application/json",
                "X-API-Key", API_KEY, "X-Webhook-Signature", sign(SECRET, body)));
    }

    static HttpResponse<String> post(ReceiverServer server, String path, String body, Map<String, String> headers) {
        return post(server, path, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    static HttpResponse<String> post(ReceiverServer server, String path, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path)).POST(body)
                .timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return exchange(request.build());
    }

    static HttpResponse<String> get(ReceiverServer server, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path)).GET()
                .timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return exchange(request.build());
    }

    static HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
