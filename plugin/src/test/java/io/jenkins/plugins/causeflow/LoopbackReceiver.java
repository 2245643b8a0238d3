package io.jenkins.plugins.causeflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CauseFlow stand-in on a loopback port for tests in a real Jenkins: checks the path, the API key and the HMAC
 * signature of the exact body, answers 202 with an incident ID for a new {@code sourceAlertId} and 409 for a repeated
 * one, and keeps every accepted body. Built on the JDK's HTTP server, so no web server library competes with the one
 * inside Jenkins' test harness.
 */
final class LoopbackReceiver implements AutoCloseable {
    static final String TENANT = "tenant-it";
    static final String API_KEY = "cflo_test_sk_IT_api_key_000111";
    static final String WEBHOOK_SECRET = "whsec_IT_webhook_secret_000222";
    private static final Pattern SOURCE_ALERT_ID = Pattern.compile("\"sourceAlertId\":\"([^\"]*)\"");

    private final HttpServer server;
    private final Map<String, String> incidents = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger nextIncident = new AtomicInteger(1);

    private LoopbackReceiver(final HttpServer server) {
        this.server = server;
    }

    static LoopbackReceiver start() throws IOException {
        return startOn(0);
    }

    /**
     * Starts on a given loopback port: a receiver that was "down" comes back where queued alerts point.
     *
     * @param port a port a closed receiver used, or 0 for an ephemeral one
     */
    static LoopbackReceiver startOn(final int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        LoopbackReceiver receiver = new LoopbackReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Bodies of the accepted (new or duplicate) alerts, in arrival order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    int requestCount() {
        return requests.get();
    }

    int incidentCount() {
        return incidents.size();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().equals("/v1/webhooks/" + TENANT + "/custom")) {
                answer(exchange, 404, "{\"error\":\"not_found\",\"message\":\"no such route\"}");
                return;
            }
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                answer(exchange, 401, "{\"error\":\"unauthorized\",\"message\":\"invalid API key\"}");
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
            String expected = hmacHex(body);
            if (!("sha256=" + expected).equals(signature) && !expected.equals(signature)) {
                answer(exchange, 401, "{\"error\":\"invalid_signature\",\"message\":\"signature mismatch\"}");
                return;
            }
            String json = new String(body, StandardCharsets.UTF_8);
            bodies.add(json);
            Matcher matcher = SOURCE_ALERT_ID.matcher(json);
            String sourceAlertId = matcher.find() ? matcher.group(1) : "none-" + requests.get();
            String existing = incidents.get(sourceAlertId);
            if (existing != null) {
                answer(exchange, 409, "{\"error\":\"duplicate_alert\",\"message\":\"already received\",\"incidentId\":\""
                        + existing + "\"}");
                return;
            }
            String incident = "inc_" + nextIncident.getAndIncrement();
            incidents.put(sourceAlertId, incident);
            answer(exchange, 202, "{\"incidentId\":\"" + incident + "\",\"status\":\"triaging\"}");
        }
    }

    private static String hmacHex(final byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static void answer(final HttpExchange exchange, final int status, final String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
