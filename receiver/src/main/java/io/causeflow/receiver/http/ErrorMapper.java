package io.causeflow.receiver.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become {@code {error, message}} answers. */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final ClientErrorLog log;

    ErrorMapper(ClientErrorLog log) {
        this.log = log;
    }

    void api(ApiException e, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        body.putAll(e.extra());
        if (e.status() == 401 && "unauthorized".equals(e.code())) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (e.status() == 413 || e.status() == 408 || "server_busy".equals(e.code())
                || "bad_request".equals(e.code())) {
            // The rest of the body was never read; the connection cannot be reused.
            ctx.header("Connection", "close");
        }
        if (e.status() == 503) {
            ctx.header("Retry-After", "1");
        }
        log.answered(ctx.method().name(), route(ctx), e.status(), e.code());
        JsonResponses.write(ctx, e.status(), body);
    }

    /** Javalin's own answers (no such route, wrong method). */
    void javalin(HttpResponseException e, Context ctx) {
        String code = switch (e.getStatus()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + e.getStatus();
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", ctx.method().name().toUpperCase(Locale.ROOT) + " " + ctx.path() + ": "
                + (e.getStatus() == 404 ? "no such endpoint" : "not allowed"));
        JsonResponses.write(ctx, e.getStatus(), body);
    }

    /**
     * The route template, never the concrete path: path segments are client input and a misconfigured client may put
     * a credential there; the log must not repeat it.
     */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        }
        catch (RuntimeException e) {
            return "(no route)";
        }
    }

    void unexpected(Exception e, Context ctx) {
        if (e instanceof EofException) {
            log.oneLine(400, "request on " + ctx.method() + " " + route(ctx) + " ended early: " + e);
            api(ApiException.badRequest("the request ended before it was complete"), ctx);
            return;
        }
        if (e instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            // Jetty refusing a broken request (e.g. bad chunking) while a handler read it: the client's fault.
            log.oneLine(http.getCode(), "malformed request on " + ctx.method() + " " + route(ctx) + ": "
                    + http.getReason());
            api(ApiException.of(http.getCode(), "bad_request", "malformed request: " + http.getReason()), ctx);
            return;
        }
        LOG.error("Unexpected failure on {} {}", ctx.method(), route(ctx), e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "internal_error");
        body.put("message", "the receiver failed to handle the request; see its log");
        JsonResponses.write(ctx, 500, body);
    }
}
