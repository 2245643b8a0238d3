package io.causeflow.client.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.causeflow.client.WebhookSigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CauseFlow-compatible webhook receiver on loopback port 0 for outbox tests: checks the API key and the HMAC
 * of the exact body, dedups by {@code sourceAlertId} (first 202 with an incident id, then 409) and counts
 * everything. Answers can be scripted per request ({@link #script}). The real reference receiver lives in the
 * {@code receiver} module, which depends on this one; this fixture keeps the client's tests self-contained.
 */
final class LoopbackReceiver implements AutoCloseable {
    static {
        // Without it Nagle's algorithm meets delayed ACKs: ~40 ms per exchange (see docs/client.md §9).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String apiKey;
    private final WebhookSigner signer;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Integer> posts = new ConcurrentHashMap<>();
    private final Map<String, String> incidents = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger incidentCounter = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger badBodies = new AtomicInteger();
    private volatile boolean recordRequests = true;

    record Request(String sourceAlertId, String signature, byte[] body) {
    }

    /** A scripted answer: status, optional Retry-After, body. */
    record Scripted(int status, String retryAfter, String body) {
    }

    LoopbackReceiver(final String apiKey, final String webhookSecret) throws IOException {
        this.apiKey = apiKey;
        this.signer = WebhookSigner.of(webhookSecret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void script(final int status, final String retryAfter, final String body) {
        script.add(new Scripted(status, retryAfter, body));
    }

    void recordRequests(final boolean record) {
        this.recordRequests = record;
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(2 * 1024 * 1024);
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER);
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                respond(exchange, 401, null, "{\"error\":\"invalid_api_key\"}");
                return;
            }
            if (signature == null || !signature.equals(signer.sign(body))) {
                badSignatures.incrementAndGet();
                respond(exchange, 401, null, "{\"error\":\"invalid_signature\"}");
                return;
            }
            String id;
            try {
                JsonNode node = MAPPER.readTree(body);
                id = node.path("sourceAlertId").asText("");
            }
            catch (IOException e) {
                id = "";
            }
            if (id.isEmpty()) {
                badBodies.incrementAndGet();
                respond(exchange, 400, null, "{\"error\":\"invalid_body\"}");
                return;
            }
            if (recordRequests) {
                requests.add(new Request(id, signature, body));
            }
            Scripted scripted = script.poll();
            if (scripted != null) {
                respond(exchange, scripted.status(), scripted.retryAfter(), scripted.body());
                return;
            }
            posts.merge(id, 1, Integer::sum);
            String[] created = new String[1];
            String incident = incidents.computeIfAbsent(id, key -> {
                created[0] = "inc_" + incidentCounter.incrementAndGet();
                return created[0];
            });
            if (created[0] != null) {
                respond(exchange, 202, null, "{\"incidentId\":\"" + incident + "\",\"status\":\"created\"}");
            }
            else {
                respond(exchange, 409, null, "{\"error\":\"duplicate\",\"incidentId\":\"" + incident + "\"}");
            }
        }
    }

    private static void respond(final HttpExchange exchange, final int status, final String retryAfter,
            final String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** @return incidents opened per sourceAlertId (always one each: the dedup rule) */
    Map<String, String> incidents() {
        return Map.copyOf(incidents);
    }

    /** @return POSTs per sourceAlertId that reached the dedup (so redeliveries show as counts above 1) */
    Map<String, Integer> posts() {
        return Map.copyOf(posts);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int badSignatures() {
        return badSignatures.get();
    }

    int badBodies() {
        return badBodies.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
