package io.causeflow.receiver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests the class {@link AlertParser}. */
class AlertParserTest {
    private final AlertParser parser = new AlertParser();

    private ParsedAlert parse(String json) throws AlertValidationException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPreferSourceAlertIdOverExternalId() throws Exception {
        ParsedAlert alert = parse("{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":\"a\",\"externalId\":\"b\"}");

        assertThat(alert.sourceAlertId()).contains("a");
    }

    @Test
    void shouldTreatJsonNullOptionalFieldsAsAbsent() throws Exception {
        ParsedAlert alert = parse("{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":null,\"severity\":null,"
                + "\"tags\":null,\"metadata\":null}");

        assertThat(alert.sourceAlertId()).isEmpty();
        assertThat(alert.severity()).isEqualTo("medium");
        assertThat(alert.tags()).isEmpty();
        assertThat(alert.metadataJson()).isEqualTo("{}");
    }

    @Test
    void shouldAcceptEveryDocumentedSeverity() throws Exception {
        for (String severity : new String[] {"critical", "high", "medium", "low", "info"}) {
            assertThat(parse("{\"title\":\"t\",\"description\":\"d\",\"severity\":\"" + severity + "\"}").severity())
                    .isEqualTo(severity);
        }
    }

    @Test
    void shouldRejectOverlongSourceAlertId() {
        String key = "k".repeat(AlertParser.MAX_SOURCE_ALERT_ID + 1);

        assertThatThrownBy(() -> parse("{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":\"" + key + "\"}"))
                .isInstanceOfSatisfying(AlertValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("sourceAlertId"));
    }

    @Test
    void shouldRejectInvalidUtf8AsBody() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOfSatisfying(AlertValidationException.class,
                e -> assertThat(e.field()).isEqualTo("body"));
    }
}
