package io.jenkins.plugins.causeflow.e2e;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The receiver's tenant for this run. The key and secret are random per run, so finding one of them on a page or
 * in a log is proof of a leak, not a coincidence.
 */
record ReceiverTenant(String tenantId, String apiKey, String webhookSecret, String streamToken) {

    static ReceiverTenant random() {
        return new ReceiverTenant("e2e-tenant", "cflo_e2e_" + randomHex(), "whsec_e2e_" + randomHex(),
                "cfst_e2e_" + randomHex());
    }

    /**
     * Which secrets (by name, never by value: the answer goes into test reports) appear in {@code text}; a page, a
     * log or a build console must give an empty list.
     */
    List<String> secretsIn(String text) {
        List<String> found = new java.util.ArrayList<>();
        if (text.contains(apiKey)) {
            found.add("the API key");
        }
        if (text.contains(webhookSecret)) {
            found.add("the webhook secret");
        }
        if (text.contains(streamToken)) {
            found.add("the stream token");
        }
        return found;
    }

    /** Jenkins reads the secrets from these variables through JCasC's {@code ${VAR}}; the YAML holds no secret. */
    Map<String, String> jenkinsEnvironment() {
        return Map.of("CAUSEFLOW_E2E_API_KEY", apiKey, "CAUSEFLOW_E2E_WEBHOOK_SECRET", webhookSecret,
                "CAUSEFLOW_E2E_STREAM_TOKEN", streamToken);
    }

    Map<String, String> receiverEnvironment() {
        return Map.of("CAUSEFLOW_RECEIVER_TENANT", tenantId, "CAUSEFLOW_RECEIVER_API_KEY", apiKey,
                "CAUSEFLOW_RECEIVER_WEBHOOK_SECRET", webhookSecret, "CAUSEFLOW_RECEIVER_STREAM_TOKEN", streamToken);
    }

    @Override
    public String toString() {
        return "ReceiverTenant[" + tenantId + "]";
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
