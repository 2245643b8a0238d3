package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.failure.MappingRules;
import io.causeflow.client.failure.ServiceRule;
import org.junit.jupiter.api.Test;

/** Tests the class {@link FieldCheck}. */
class FieldCheckTest {
    @Test
    void shouldAcceptHttpsAndLocalHttpEndpoints() {
        assertThat(FieldCheck.endpointUrl("https://api.causeflow.ai", true)).isEqualTo(FieldCheck.ok());
        assertThat(FieldCheck.endpointUrl("http://localhost:8080", true)).isEqualTo(FieldCheck.ok());
    }

    @Test
    void shouldWarnAboutPlainHttpToARemoteHost() {
        FieldCheck check = FieldCheck.endpointUrl("http://causeflow.example.com", true);

        assertThat(check.kind()).isEqualTo(FieldCheck.Kind.WARNING);
        assertThat(check.message()).contains("not encrypted");
    }

    @Test
    void shouldRejectANonHttpEndpoint() {
        FieldCheck check = FieldCheck.endpointUrl("ftp://causeflow.example.com", true);

        assertThat(check.kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(check.message()).contains("http://", "https://");
    }

    @Test
    void shouldRequireTheGlobalEndpointButNotAStepOverride() {
        assertThat(FieldCheck.endpointUrl(" ", true).message()).isEqualTo("Endpoint URL is required.");
        assertThat(FieldCheck.endpointUrl(" ", false)).isEqualTo(FieldCheck.ok());
    }

    @Test
    void shouldWarnWhenTheTenantIsMissing() {
        FieldCheck check = FieldCheck.present("", "config.noTenant");

        assertThat(check.kind()).isEqualTo(FieldCheck.Kind.WARNING);
        assertThat(check.message()).contains("tenant ID");
        assertThat(FieldCheck.present("ten_1", "config.noTenant")).isEqualTo(FieldCheck.ok());
    }

    @Test
    void shouldShowTheParserMessageOfABadSeverityRule() {
        FieldCheck check = FieldCheck.parses("branch:main=critical\nbranch:main=urgent",
                MappingRules::parseSeverityRules);

        assertThat(check.kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(check.message()).contains("line 2", "urgent");
    }

    @Test
    void shouldAcceptValidRulesTagsAndPatterns() {
        assertThat(FieldCheck.parses("branch:release/*=critical", MappingRules::parseSeverityRules))
                .isEqualTo(FieldCheck.ok());
        assertThat(FieldCheck.parses("fixed:billing", ServiceRule::parse)).isEqualTo(FieldCheck.ok());
        assertThat(FieldCheck.parses("team=payments", TagLines::parse)).isEqualTo(FieldCheck.ok());
    }

    @Test
    void shouldNameTheRangeOfANumberOutsideIt() {
        assertThat(FieldCheck.range("0", 1, 20).message()).isEqualTo("Enter a whole number from 1 to 20.");
        assertThat(FieldCheck.range("abc", 1, 20).kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(FieldCheck.range("20", 1, 20)).isEqualTo(FieldCheck.ok());
        assertThat(FieldCheck.range("", 1, 20)).isEqualTo(FieldCheck.ok());
    }
}
