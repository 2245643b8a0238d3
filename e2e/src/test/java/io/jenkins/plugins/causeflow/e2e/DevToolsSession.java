package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A minimal Chrome DevTools Protocol session with one page of a headless Chromium started with
 * {@code --remote-debugging-port=0} (JDK WebSocket, no driver library): navigate, evaluate, capture a clip. Used to
 * cut a screenshot to one element (a configuration section), which Chromium's {@code --screenshot} cannot do.
 */
final class DevToolsSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** A screenshot's base64 text is a few MiB at most; more means something is wrong. */
    private static final int MAX_MESSAGE_CHARS = 32 * 1024 * 1024;

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private int nextId;

    private DevToolsSession(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to the first page target of the browser whose DevTools HTTP endpoint is {@code browserHttpUrl}. */
    static DevToolsSession connect(String browserHttpUrl) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String list = http.send(HttpRequest.newBuilder(URI.create(browserHttpUrl + "/json/list"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String pageUrl = null;
            for (JsonNode target : JSON.readTree(list)) {
                if ("page".equals(target.path("type").asText())) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageUrl == null) {
                throw new IllegalStateException("Chromium lists no page target: " + list);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), listener)
                    .get(30, TimeUnit.SECONDS);
            DevToolsSession session = new DevToolsSession(socket);
            listener.session = session;
            return session;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not open a DevTools session at " + browserHttpUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Opens {@code url} and waits for its load event. */
    void navigate(String url) {
        call("Page.enable", JSON.createObjectNode());
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        awaitEvent("Page.loadEventFired");
    }

    /** Evaluates a JavaScript expression and returns its value (JSON). */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the page area {@code x, y, width, height} (CSS pixels, document coordinates). */
    byte[] capture(double x, double y, double width, double height) {
        ObjectNode clip = JSON.createObjectNode().put("x", x).put("y", y).put("width", width).put("height", height)
                .put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ++nextId;
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        JsonNode answer = next(node -> node.path("id").asInt(-1) == id, method);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    private void awaitEvent(String method) {
        next(node -> method.equals(node.path("method").asText()), method);
    }

    private JsonNode next(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (true) {
                JsonNode node = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (node == null) {
                    throw new IllegalStateException("No DevTools answer for " + what + " within " + TIMEOUT);
                }
                if (wanted.test(node)) {
                    return node;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private DevToolsSession session;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (text.length() + data.length() > MAX_MESSAGE_CHARS) {
                throw new IllegalStateException("DevTools message larger than " + MAX_MESSAGE_CHARS + " characters");
            }
            text.append(data);
            if (last) {
                try {
                    session.messages.add(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent something that is not JSON", e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
