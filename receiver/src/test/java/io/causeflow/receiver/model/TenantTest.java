package io.causeflow.receiver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the class {@link Tenant} and {@link Tenants}. */
class TenantTest {
    private static final Tenant ACME = new Tenant("acme", "cflo_secret_key", "whsec_secret", "cfst_secret_token");

    @Test
    void shouldNeverShowCredentialsInToString() {
        assertThat(ACME.toString()).contains("acme").doesNotContain("secret");
    }

    @Test
    void shouldNameTheFieldButNotTheValueWhenInvalid() {
        assertThatThrownBy(() -> new Tenant("acme", "has space secret", "s", "t"))
                .hasMessageContaining("apiKey").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new Tenant("acme", "k", " ", "t")).hasMessageContaining("webhookSecret");
        assertThatThrownBy(() -> new Tenant("a/b", "k", "s", "t")).hasMessageContaining("tenantId");
    }

    @Test
    void shouldFindTenantsByCredential() {
        Tenants tenants = new Tenants(List.of(ACME, new Tenant("globex", "k2", "s2", "t2")));

        assertThat(tenants.byApiKey("k2")).map(Tenant::tenantId).contains("globex");
        assertThat(tenants.byStreamToken("cfst_secret_token")).contains(ACME);
        assertThat(tenants.byApiKey("cfst_secret_token")).isEmpty();
        assertThat(tenants.byId("nobody")).isEmpty();
    }

    @Test
    void shouldRejectSharedCredentials() {
        assertThatThrownBy(() -> new Tenants(List.of(ACME, new Tenant("globex", "cflo_secret_key", "s", "t"))))
                .hasMessageContaining("same apiKey").hasMessageNotContaining("cflo_secret_key");
        assertThatThrownBy(() -> new Tenants(List.of(ACME, new Tenant("globex", "k", "s", "cfst_secret_token"))))
                .hasMessageContaining("same streamToken");
    }
}
