package io.causeflow.receiver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (bad request line or headers, 414, 417, 431, 505, …) as {@code {error, message}} JSON,
 * like every other error of the receiver, instead of Jetty's HTML or text page. Installed on the server (errors found
 * before a request reaches the application) and, as {@link InContext}, on the servlet context.
 */
final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        if (!generateAcceptableResponse(request, response, callback, "application/json",
                List.of(StandardCharsets.UTF_8), code, message, cause)) {
            callback.succeeded();
        }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(body(code, message));
    }

    /** {@code {"error": "uri_too_long", "message": "HTTP 414: URI Too Long"}}. */
    static String body(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code(code));
        body.put("message", "HTTP " + code + ": " + clean(message));
        try {
            return JSON.writeValueAsString(body);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("error body not serialisable", e);
        }
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 411 -> "length_required";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 417 -> "expectation_failed";
            case 431 -> "request_header_fields_too_large";
            case 500 -> "internal_error";
            case 501 -> "not_implemented";
            case 503 -> "service_unavailable";
            case 505 -> "http_version_not_supported";
            default -> "http_" + status;
        };
    }

    /** Jetty's reason, short and printable (it never holds header values, but keep the log and body tidy). */
    private static String clean(String message) {
        String text = message == null ? "error" : message.replaceAll("\\p{Cntrl}", "?");
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    /** The same JSON for errors inside the servlet context (it must be Jetty's ee10 type there). */
    static final class InContext extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        InContext() {
            setShowStacks(false);
            setShowCauses(false);
            setShowOrigin(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                Callback callback) throws IOException {
            if (!generateAcceptableResponse(request, response, callback, "application/json",
                    List.of(StandardCharsets.UTF_8), code, message, cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, message));
        }
    }
}
