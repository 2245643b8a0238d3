package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.BuildResult;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.ControllerInfo;
import io.causeflow.client.failure.DedupScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Plain test data shared by the delivery tests. */
final class Fixtures {
    static final String API_KEY = "cflo_live_sk_TOPSECRET_apikey_0001";
    static final String WEBHOOK_SECRET = "whsec_TOPSECRET_webhook_0002";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T23:30:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static GlobalDefaults defaults(final String endpoint) {
        return new GlobalDefaults(true, endpoint, "tenant-a", "cf-api-key", "cf-webhook-secret",
                SignatureFormat.PREFIXED, "production", "branch:main=critical", Map.of("team", "payments"), "",
                5, 20, 2, 60, 16_000, DedupScope.BUILD);
    }

    static BuildSnapshot failedBuild(final int number) {
        return BuildSnapshot.builder()
                .controller(ControllerInfo.jenkins("ci.example.com", null, "https://ci.example.com/"))
                .jobFullName("team/app/main")
                .buildNumber(number)
                .result(BuildResult.FAILURE)
                .buildUrl("https://ci.example.com/job/team/job/app/job/main/" + number + "/")
                .build();
    }

    static CredentialLookup bothSecrets() {
        return id -> switch (id) {
            case "cf-api-key" -> SecretLookup.found(id, API_KEY);
            case "cf-webhook-secret" -> SecretLookup.found(id, WEBHOOK_SECRET);
            default -> SecretLookup.missing(id);
        };
    }
}
