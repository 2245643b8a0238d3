package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP to one Jenkins, the way a browser does it: a session cookie, and the CSRF crumb that belongs to that session
 * on every POST. Page objects use it; tests never build URLs themselves.
 */
final class JenkinsClient {
    /** Pages and consoles are read whole; a runaway answer fails instead of filling the heap. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private Map.Entry<String, String> crumb;

    JenkinsClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The absolute URL of a path relative to the Jenkins root. */
    String url(String path) {
        return baseUrl + path;
    }

    /** A page or API answer. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (HTTP " + status + "): " + head(), e);
            }
        }

        String head() {
            return body.length() > 500 ? body.substring(0, 500) + "…" : body;
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** GET that must answer 200. */
    String page(String path) {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + answer.status() + ": " + answer.head());
        }
        return answer.body();
    }

    JsonNode json(String path) {
        return get(path).json();
    }

    Answer postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body);
    }

    Answer postXml(String path, String xml) {
        return post(path, "application/xml", xml);
    }

    private Answer post(String path, String contentType, String body) {
        Map.Entry<String, String> token = crumb();
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .header(token.getKey(), token.getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The crumb of this client's session (Jenkins ties crumbs to the web session). */
    private synchronized Map.Entry<String, String> crumb() {
        if (crumb == null) {
            JsonNode issued = json("crumbIssuer/api/json");
            crumb = Map.entry(issued.path("crumbRequestField").asText(), issued.path("crumb").asText());
        }
        return crumb;
    }

    /** Forgets the crumb (a restarted Jenkins has a new session). */
    synchronized void newSession() {
        crumb = null;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new IllegalStateException(response.uri() + " answered more than " + MAX_BODY_BYTES + " bytes");
                }
                return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP to Jenkins failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
