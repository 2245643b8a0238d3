package io.causeflow.receiver.http;

import io.causeflow.receiver.ingest.AlertParser;
import io.causeflow.receiver.ingest.AlertValidationException;
import io.causeflow.receiver.ingest.IngestResult;
import io.causeflow.receiver.ingest.IngestService;
import io.causeflow.receiver.ingest.ParsedAlert;
import io.causeflow.receiver.ingest.SignatureVerifier;
import io.causeflow.receiver.model.Tenant;
import io.causeflow.receiver.model.Tenants;
import io.javalin.http.Context;
import io.causeflow.receiver.ingest.BodyEncoding;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/webhooks/{tenantId}/{provider}}. Checks run in this order, the first failure answers:
 * tenant (404), API key (401; sent twice: 400), provider (404), size (413), signature (401; sent twice: 400),
 * content type, encoding and charset (415), body (400). The body is read by {@link BodyReader} (deadline, bounded
 * buffers, no thread held while it arrives).
 * Size comes before the signature because the signature covers the whole body and we refuse to read more than the
 * limit: an oversized body can be neither verified nor accepted.
 */
final class WebhookHandler {
    private final Tenants tenants;
    private final AlertParser parser;
    private final IngestService ingest;
    private final long maxBodyBytes;
    private final BodyReader bodies;

    WebhookHandler(Tenants tenants, AlertParser parser, IngestService ingest, long maxBodyBytes, BodyReader bodies) {
        this.tenants = tenants;
        this.parser = parser;
        this.ingest = ingest;
        this.maxBodyBytes = maxBodyBytes;
        this.bodies = bodies;
    }

    void receive(Context ctx) throws IOException {
        long started = System.nanoTime();
        String tenantId = ctx.pathParam("tenantId");
        Tenant tenant = tenants.byId(tenantId).orElseThrow(() -> ApiException.unknownTenant(tenantId));
        String apiKey = single(ctx, "X-API-Key");
        if (apiKey == null || !tenant.acceptsApiKey(apiKey)) {
            throw ApiException.invalidApiKey();
        }
        String provider = ctx.pathParam("provider");
        if (!"custom".equals(provider)) {
            throw ApiException.unknownProvider(provider);
        }
        bodies.read(ctx, maxBodyBytes, started, body -> accept(ctx, tenant, body));
    }

    /** Checks 5 to 8 on the complete body, then stores it. */
    private void accept(Context ctx, Tenant tenant, byte[] body) {
        if (!SignatureVerifier.verify(tenant.webhookSecret(), body, single(ctx, "X-Webhook-Signature"))) {
            throw ApiException.invalidSignature();
        }
        if (!isJson(ctx.header("Content-Type"))) {
            throw ApiException.unsupportedMediaType();
        }
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw ApiException.unsupportedEncoding("Content-Encoding '" + encoding.strip() + "' is not supported; "
                    + "send the JSON body uncompressed");
        }
        BodyEncoding.nonUtf8(body).ifPresent(found -> {
            throw ApiException.unsupportedEncoding("the body is " + found + " (detected from its first bytes); JSON "
                    + "must be sent as UTF-8");
        });
        ParsedAlert alert;
        try {
            alert = parser.parse(body);
        }
        catch (AlertValidationException e) {
            throw ApiException.validation(e.field(), e.getMessage());
        }
        IngestResult result = ingest.ingest(tenant.tenantId(), alert);
        if (result.kind() == IngestResult.Kind.DUPLICATE) {
            throw ApiException.duplicate(result.incidentId());
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("incidentId", result.incidentId());
        accepted.put("status", "triaging");
        JsonResponses.write(ctx, 202, accepted);
    }

    /**
     * The header's value when sent at most once. Sent twice, proxies and servers disagree about which one counts
     * (first wins here, last wins elsewhere), so it is refused rather than guessed.
     */
    private static String single(Context ctx, String name) {
        List<String> values = Collections.list(ctx.req().getHeaders(name));
        if (values.size() > 1) {
            throw ApiException.repeatedHeader(name, values.size());
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** {@code application/json}, optionally with {@code charset=utf-8}. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].strip().split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset") && param.length == 2
                    && !param[1].strip().replace("\"", "").toLowerCase(Locale.ROOT).equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
