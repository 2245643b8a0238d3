package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.causeflow.client.Severity;
import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.DedupScope;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Tests the class {@link AlertSettings}. */
class AlertSettingsTest {
    private static final GlobalDefaults DEFAULTS = Fixtures.defaults("https://api.causeflow.ai");

    @Test
    void shouldTakeEveryValueFromTheGlobalDefaultsWhenNothingIsExplicit() {
        AlertSettings settings = AlertSettings.resolve(DEFAULTS, ExplicitSettings.none());

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(settings.enabled()).isTrue();
        softly.assertThat(settings.endpointUrl()).isEqualTo("https://api.causeflow.ai");
        softly.assertThat(settings.tenantId()).isEqualTo("tenant-a");
        softly.assertThat(settings.apiKeyCredentialsId()).isEqualTo("cf-api-key");
        softly.assertThat(settings.webhookSecretCredentialsId()).isEqualTo("cf-webhook-secret");
        softly.assertThat(settings.signatureFormat()).isEqualTo(SignatureFormat.PREFIXED);
        softly.assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(2);
        softly.assertThat(settings.retryPolicy().perAttemptTimeout()).isEqualTo(Duration.ofSeconds(5));
        softly.assertThat(settings.retryPolicy().totalBudget()).isEqualTo(Duration.ofSeconds(20));
        softly.assertThat(settings.logExcerptLines()).isEqualTo(60);
        softly.assertThat(settings.rules().environment()).contains("production");
        softly.assertThat(settings.rules().defaultTags()).containsExactly(Map.entry("team", "payments"));
        softly.assertThat(settings.rules().dedupScope()).isEqualTo(DedupScope.BUILD);
        softly.assertThat(settings.rules().severityRules()).hasSize(1);
        softly.assertThat(settings.explicit().title()).isEmpty();
        softly.assertThat(settings.explicit().severity()).isEmpty();
        softly.assertThat(settings.failOnError()).isFalse();
        softly.assertAll();
    }

    @Test
    void shouldRefuseAnotherEndpointWithoutBothCredentialOverridesSoTheGlobalKeyNeverLeavesForIt() {
        assertThatThrownBy(() -> AlertSettings.resolve(DEFAULTS,
                ExplicitSettings.builder().endpointUrl("https://attacker.example").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("endpointUrl: overridden to 'https://attacker.example' without "
                        + "apiKeyCredentialsId and webhookSecretCredentialsId");
        assertThatThrownBy(() -> AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder()
                .endpointUrl("https://attacker.example").apiKeyCredentialsId("own-key").build()))
                .hasMessageContaining("without webhookSecretCredentialsId");
        assertThatThrownBy(() -> AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder()
                .endpointUrl("https://attacker.example").webhookSecretCredentialsId("own-secret").build()))
                .hasMessageContaining("without apiKeyCredentialsId;");
    }

    @Test
    void shouldGiveTheTestButtonOneAttemptOfAtMostTenSecondsEvenWhenAlertsAreOff() {
        AlertSettings settings = AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder().maxAttempts(5)
                .perAttemptTimeoutSeconds(30).totalBudgetSeconds(120).build());

        AlertSettings button = settings.forTestButton();

        assertThat(button.enabled()).isTrue();
        assertThat(button.retryPolicy().maxAttempts()).isEqualTo(1);
        assertThat(button.retryPolicy().perAttemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(button.retryPolicy().totalBudget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder().perAttemptTimeoutSeconds(3).build())
                .forTestButton().retryPolicy().perAttemptTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldAcceptTheGlobalEndpointRepeatedWithoutCredentialOverrides() {
        AlertSettings settings = AlertSettings.resolve(DEFAULTS,
                ExplicitSettings.builder().endpointUrl("https://api.causeflow.ai/").build());

        assertThat(settings.apiKeyCredentialsId()).isEqualTo("cf-api-key");
    }

    @Test
    void shouldLetEveryExplicitValueWinOverTheGlobalDefault() {
        AlertSettings settings = AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder()
                .endpointUrl("http://127.0.0.1:9999").tenantId("tenant-b").apiKeyCredentialsId("other-key")
                .webhookSecretCredentialsId("other-secret").signatureFormat("bare").environment("staging")
                .severityRules("").serviceRule("fixed:billing").dedupScope("streak").title("Deploy broke")
                .description("Details").severity("low").service("checkout").sourceAlertId("my-id")
                .tags(Map.of("team", "core")).metadata(Map.of("ticket", 42)).failOnError(true)
                .perAttemptTimeoutSeconds(3).totalBudgetSeconds(9).maxAttempts(4).logExcerptLines(10)
                .logExcerptBytes(2048).build());

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(settings.endpointUrl()).isEqualTo("http://127.0.0.1:9999");
        softly.assertThat(settings.tenantId()).isEqualTo("tenant-b");
        softly.assertThat(settings.apiKeyCredentialsId()).isEqualTo("other-key");
        softly.assertThat(settings.webhookSecretCredentialsId()).isEqualTo("other-secret");
        softly.assertThat(settings.signatureFormat()).isEqualTo(SignatureFormat.BARE);
        softly.assertThat(settings.rules().environment()).contains("staging");
        softly.assertThat(settings.rules().dedupScope()).isEqualTo(DedupScope.STREAK);
        softly.assertThat(settings.explicit().title()).contains("Deploy broke");
        softly.assertThat(settings.explicit().description()).contains("Details");
        softly.assertThat(settings.explicit().severity()).contains(Severity.LOW);
        softly.assertThat(settings.explicit().service()).contains("checkout");
        softly.assertThat(settings.explicit().sourceAlertId()).contains("my-id");
        softly.assertThat(settings.explicit().tags()).containsEntry("team", "core");
        softly.assertThat(settings.explicit().metadata()).containsEntry("ticket", 42);
        softly.assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(4);
        softly.assertThat(settings.retryPolicy().perAttemptTimeout()).isEqualTo(Duration.ofSeconds(3));
        softly.assertThat(settings.retryPolicy().totalBudget()).isEqualTo(Duration.ofSeconds(9));
        softly.assertThat(settings.logExcerptLines()).isEqualTo(10);
        softly.assertThat(settings.logExcerptBytes()).isEqualTo(2048);
        softly.assertThat(settings.failOnError()).isTrue();
        softly.assertAll();
    }

    @Test
    void shouldTreatBlankExplicitValuesAsNotGiven() {
        AlertSettings settings = AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder()
                .tenantId("  ").endpointUrl("").apiKeyCredentialsId(null).environment(" ").build());

        assertThat(settings.tenantId()).isEqualTo("tenant-a");
        assertThat(settings.endpointUrl()).isEqualTo("https://api.causeflow.ai");
        assertThat(settings.apiKeyCredentialsId()).isEqualTo("cf-api-key");
        assertThat(settings.rules().environment()).contains("production");
    }

    @Test
    void shouldRejectAnUnknownExplicitSeverityNamingTheValue() {
        assertThatThrownBy(() -> AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder().severity("urgent").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("urgent");
    }

    @Test
    void shouldRejectAnUnknownSignatureFormatNamingTheField() {
        assertThatThrownBy(() -> AlertSettings.resolve(DEFAULTS,
                ExplicitSettings.builder().signatureFormat("base64").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signatureFormat")
                .hasMessageContaining("base64");
    }

    @Test
    void shouldRejectANonPositiveNumberNamingTheField() {
        assertThatThrownBy(() -> AlertSettings.resolve(DEFAULTS, ExplicitSettings.builder().maxAttempts(0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    void shouldRejectAMalformedSeverityRuleFromTheGlobalConfiguration() {
        GlobalDefaults broken = new GlobalDefaults(true, "https://api.causeflow.ai", "t", "a", "b",
                SignatureFormat.PREFIXED, "", "this is not a rule", Map.of(), "", 5, 20, 2, 60, 16_000,
                DedupScope.BUILD);

        assertThatThrownBy(() -> AlertSettings.resolve(broken, ExplicitSettings.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity rules line 1");
    }

    @Test
    void shouldDeriveTheLogExcerptCapsFromLinesAndBytes() {
        AlertSettings settings = AlertSettings.resolve(DEFAULTS,
                ExplicitSettings.builder().logExcerptLines(30).logExcerptBytes(4000).build());

        assertThat(settings.excerptLimits().maxTailLines()).isEqualTo(30);
        assertThat(settings.excerptLimits().maxErrorLines()).isEqualTo(10);
        assertThat(settings.excerptLimits().maxTotalChars()).isEqualTo(4000);
    }

    @Test
    void shouldNeverShowMetadataValuesInTheToStringOfExplicitSettings() {
        ExplicitSettings explicit = ExplicitSettings.builder().apiKeyCredentialsId("cf-api-key")
                .metadata(Map.of("password", Fixtures.API_KEY)).build();

        assertThat(explicit.toString()).contains("cf-api-key").doesNotContain(Fixtures.API_KEY);
    }
}
