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
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/webhooks/{tenantId}/{provider}}. Checks run in this order, the first failure answers:
 * tenant (404), API key (401), provider (404), size (413), signature (401), content type (415), body (400).
 * Size comes before the signature because the signature covers the whole body and we refuse to read more than the
 * limit: an oversized body can be neither verified nor accepted.
 */
final class WebhookHandler {
    private final Tenants tenants;
    private final AlertParser parser;
    private final IngestService ingest;
    private final long maxBodyBytes;

    WebhookHandler(Tenants tenants, AlertParser parser, IngestService ingest, long maxBodyBytes) {
        this.tenants = tenants;
        this.parser = parser;
        this.ingest = ingest;
        this.maxBodyBytes = maxBodyBytes;
    }

    void receive(Context ctx) throws IOException {
        String tenantId = ctx.pathParam("tenantId");
        Tenant tenant = tenants.byId(tenantId).orElseThrow(() -> ApiException.unknownTenant(tenantId));
        String apiKey = ctx.header("X-API-Key");
        if (apiKey == null || !tenant.acceptsApiKey(apiKey)) {
            throw ApiException.invalidApiKey();
        }
        String provider = ctx.pathParam("provider");
        if (!"custom".equals(provider)) {
            throw ApiException.unknownProvider(provider);
        }
        byte[] body = readBody(ctx);
        if (!SignatureVerifier.verify(tenant.webhookSecret(), body, ctx.header("X-Webhook-Signature"))) {
            throw ApiException.invalidSignature();
        }
        if (!isJson(ctx.header("Content-Type"))) {
            throw ApiException.unsupportedMediaType();
        }
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

    /** Reads at most limit + 1 bytes: one more than allowed is enough to know the body is too large. */
    private byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw ApiException.payloadTooLarge(maxBodyBytes);
        }
        int cap = (int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8);
        byte[] buffer = new byte[(int) Math.min(cap, declared >= 0 ? declared + 1 : 16 * 1024)];
        int length = 0;
        InputStream in = ctx.req().getInputStream();
        while (length < cap) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, cap));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        if (length > maxBodyBytes) {
            throw ApiException.payloadTooLarge(maxBodyBytes);
        }
        return Arrays.copyOf(buffer, length);
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
