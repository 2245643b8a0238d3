package io.causeflow.client;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link Endpoints}. */
class EndpointsTest {
    @Test
    void shouldBuildBothUrlsFromABaseWithOrWithoutPathAndSlash() {
        assertThat(Endpoints.webhook(URI.create("https://api.causeflow.ai"), "ten_1"))
                .hasToString("https://api.causeflow.ai/v1/webhooks/ten_1/custom");
        assertThat(Endpoints.webhook(URI.create("http://localhost:8080/cf//"), "ten_1"))
                .hasToString("http://localhost:8080/cf/v1/webhooks/ten_1/custom");
        assertThat(Endpoints.notificationStream(URI.create("https://api.causeflow.ai/")))
                .hasToString("https://api.causeflow.ai/v1/notifications/stream");
    }

    @Test
    void shouldPercentEncodeTheTenantAsOneSegment() {
        assertThat(Endpoints.webhook(URI.create("https://h"), "a/b?c#d%é"))
                .hasToString("https://h/v1/webhooks/a%2Fb%3Fc%23d%25%C3%A9/custom");
    }

    @Test
    void shouldRefuseUnsafeTenantIdsAndBaseUrls() {
        URI base = URI.create("https://h");
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoints.webhook(base, ".."))
                .withMessage("tenantId must not be '.' or '..'");
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoints.webhook(base, "a\nb"))
                .withMessageContaining("control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoints.webhook(base, "t".repeat(129)))
                .withMessageStartingWith("tenantId: 129 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoints.webhook(URI.create("ftp://h"), "t"))
                .withMessageStartingWith("baseUrl must be an absolute http or https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> Endpoints.webhook(URI.create("https://h/?x=1"), "t"))
                .withMessage("baseUrl must not have user info, a query or a fragment");
    }
}
