package io.causeflow.receiver.cli;

import io.causeflow.receiver.TenantConfig;
import java.io.PrintStream;

/**
 * The {@code --demo} output: machine-readable {@code KEY=value} lines (credentials and the dashboard URL) (a script can {@code grep '^CAUSEFLOW_'}) and a
 * ready-to-paste shell example that signs with openssl and sends with curl.
 */
final class DemoBanner {
    private DemoBanner() {
    }

    static void print(PrintStream out, String baseUrl, TenantConfig tenant) {
        out.println("CAUSEFLOW_BASE_URL=" + baseUrl);
        out.println("CAUSEFLOW_DASHBOARD_URL=" + baseUrl + "/dashboard");
        out.println("CAUSEFLOW_TENANT=" + tenant.tenantId());
        out.println("CAUSEFLOW_API_KEY=" + tenant.apiKey());
        out.println("CAUSEFLOW_WEBHOOK_SECRET=" + tenant.webhookSecret());
        out.println("CAUSEFLOW_STREAM_TOKEN=" + tenant.streamToken());
        out.println("# Open CAUSEFLOW_DASHBOARD_URL in a browser and sign in with CAUSEFLOW_API_KEY.");
        out.println("# Demo credentials above are generated for this run only. Paste to send a signed alert:");
        for (String line : example(baseUrl, tenant)) {
            out.println(line);
        }
    }

    static String[] example(String baseUrl, TenantConfig tenant) {
        return new String[] {
            "body='{\"title\":\"Build failed: demo-job #1\",\"description\":\"ERROR: tests failed in module core\","
                    + "\"sourceAlertId\":\"demo-job-1\",\"severity\":\"high\"}'",
            "sig=$(printf '%s' \"$body\" | openssl dgst -sha256 -hmac '" + tenant.webhookSecret()
                    + "' | sed 's/^.* //')",
            "curl -sS -X POST '" + baseUrl + "/v1/webhooks/" + tenant.tenantId() + "/custom' "
                    + "-H 'Content-Type: application/json' -H 'X-API-Key: " + tenant.apiKey() + "' "
                    + "-H \"X-Webhook-Signature: sha256=$sig\" --data-binary \"$body\"",
            "curl -sN '" + baseUrl + "/v1/notifications/stream' -H 'Authorization: Bearer " + tenant.streamToken()
                    + "' -H 'Last-Event-ID: 0'",
        };
    }
}
