package io.causeflow.client;

import io.causeflow.client.fixtures.ProtocolVector;
import io.causeflow.client.fixtures.TestAlerts;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests the class {@link Alert}. */
class AlertTest {
    @Test
    void shouldSerialiseTheProtocolVectorByteForByte() {
        assertThat(new String(TestAlerts.protocolVector().toJsonBytes(), StandardCharsets.UTF_8))
                .isEqualTo(ProtocolVector.BODY);
        assertThat(TestAlerts.protocolVector().jsonLength()).isEqualTo(237);
    }

    @Test
    void shouldWriteFieldsInFixedOrderWithSortedMaps() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", List.of(true, "x", 2.5));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("zeta", nested);
        metadata.put("alpha", null);
        Alert alert = Alert.builder().metadata(metadata).tag("b", "2").tag("a", "1").environment("prod")
                .service("api").severity(Severity.LOW).sourceAlertId("id-1").description("d").title("t").build();

        assertThat(new String(alert.toJsonBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":\"id-1\",\"severity\":\"low\","
                        + "\"service\":\"api\",\"environment\":\"prod\",\"tags\":{\"a\":\"1\",\"b\":\"2\"},"
                        + "\"metadata\":{\"alpha\":null,\"zeta\":{\"a\":[true,\"x\",2.5],\"z\":1}}}");
    }

    @Test
    void shouldProduceIdenticalBytesForEqualInputInAnyInsertionOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("b", 1);
        first.put("a", Map.of("y", 2, "x", 3));
        Map<String, Object> second = new HashMap<>();
        second.put("a", Map.of("x", 3, "y", 2));
        second.put("b", 1);

        Alert one = TestAlerts.buildFailure().metadata(first).build();
        Alert two = TestAlerts.buildFailure().metadata(second).build();

        assertThat(one.toJsonBytes()).isEqualTo(two.toJsonBytes());
        assertThat(one).isEqualTo(two);
    }

    @Test
    void shouldLeaveOutAbsentOptionalFields() {
        Alert alert = Alert.builder().title("t").description("d").build();

        assertThat(new String(alert.toJsonBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"title\":\"t\",\"description\":\"d\"}");
        assertThat(alert.sourceAlertId()).isEmpty();
        assertThat(alert.severity()).isEmpty();
        assertThat(alert.service()).isEmpty();
        assertThat(alert.environment()).isEmpty();
    }

    @Test
    void shouldNameTheMissingOrBlankRequiredField() {
        assertThatIllegalArgumentException().isThrownBy(() -> Alert.builder().description("d").build())
                .withMessage("title is required");
        assertThatIllegalArgumentException().isThrownBy(() -> Alert.builder().title("t").build())
                .withMessage("description is required");
        assertThatIllegalArgumentException().isThrownBy(() -> Alert.builder().title(" ").description("d").build())
                .withMessage("title must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Alert.builder().title("t").description("d").sourceAlertId("").build())
                .withMessage("sourceAlertId must not be blank");
    }

    @Test
    void shouldTruncateALongTitleWithAnEllipsis() {
        Alert alert = Alert.builder().title("x".repeat(300)).description("d").build();

        assertThat(alert.title()).hasSize(AlertLimits.TITLE_MAX_CHARS).endsWith("x…");
        assertThat(alert.truncatedFields()).containsExactly("title");
    }

    @Test
    void shouldNotSplitASurrogatePairWhenTruncatingTheTitle() {
        String title = "a".repeat(254) + "😀" + "b".repeat(10);

        Alert alert = Alert.builder().title(title).description("d").build();

        assertThat(alert.title()).isEqualTo("a".repeat(254) + "…");
    }

    @Test
    void shouldTruncateALongDescriptionWithAMarkerCountingRemovedBytes() {
        String description = "é".repeat(40_000); // 80,000 UTF-8 bytes

        Alert alert = Alert.builder().title("t").description(description).build();

        byte[] kept = alert.description().getBytes(StandardCharsets.UTF_8);
        assertThat(kept.length).isLessThanOrEqualTo(AlertLimits.DESCRIPTION_MAX_BYTES);
        String prefix = alert.description().substring(0, alert.description().indexOf('…'));
        int removed = 80_000 - prefix.getBytes(StandardCharsets.UTF_8).length;
        assertThat(alert.description()).endsWith("…[truncated " + removed + " bytes]");
        assertThat(alert.truncatedFields()).containsExactly("description");
    }

    @Test
    void shouldKeepADescriptionExactlyAtTheLimit() {
        String description = "d".repeat(AlertLimits.DESCRIPTION_MAX_BYTES);

        assertThat(Alert.builder().title("t").description(description).build().description()).isEqualTo(description);
    }

    @Test
    void shouldRefuseIdentifyingFieldsThatAreTooLong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().sourceAlertId("s".repeat(257)).build())
                .withMessageStartingWith("sourceAlertId: 257 characters exceed the limit of 256");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().service("s".repeat(129)).build())
                .withMessageStartingWith("service:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().environment("e".repeat(129)).build())
                .withMessageStartingWith("environment:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().tag("owner", "v".repeat(257)).build())
                .withMessageStartingWith("tags[owner]:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().tag("k".repeat(129), "v").build())
                .withMessageStartingWith("tags key");
    }

    @Test
    void shouldRefuseControlCharactersInIdentifiers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().sourceAlertId("a\nb").build())
                .withMessage("sourceAlertId: control character U+000A at index 1 is not allowed");
    }

    @Test
    void shouldAcceptSixtyFourTagsAndRefuseSixtyFive() {
        Alert.Builder builder = Alert.builder().title("t").description("d");
        for (int i = 0; i < AlertLimits.MAX_TAGS; i++) {
            builder.tag("k" + i, "v");
        }
        assertThat(builder.build().tags()).hasSize(64);

        builder.tag("one-more", "v");
        assertThatIllegalArgumentException().isThrownBy(builder::build)
                .withMessage("tags: 65 tags exceed the limit of 64");
    }

    @Test
    void shouldNameTheMetadataPathOfAnUnsupportedValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().metadata("a", Map.of("b", List.of(1, new Object())))
                        .build())
                .withMessageStartingWith("metadata.a.b[1]: unsupported type java.lang.Object");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().metadata("n", Double.NaN).build())
                .withMessage("metadata.n: NaN is not a JSON number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestAlerts.buildFailure().metadata(Map.of("", 1)).build())
                .withMessageStartingWith("metadata: key ''");
    }

    @Test
    void shouldRefuseMetadataNestedTooDeeply() {
        Object value = "leaf";
        for (int i = 0; i < AlertLimits.METADATA_MAX_DEPTH; i++) {
            value = Map.of("n", value);
        }
        Object deep = value;

        assertThatIllegalArgumentException().isThrownBy(() -> TestAlerts.buildFailure().metadata("root", deep).build())
                .withMessageContaining("nesting deeper than 16 levels");
    }

    @Test
    void shouldConvertOptionalsEnumsAndArraysInMetadata() {
        Alert alert = TestAlerts.buildFailure().metadata(Map.of("o", Optional.of("x"), "e", Severity.LOW,
                "arr", new Object[] {1, "two"})).build();

        assertThat(alert.metadata()).containsEntry("o", "x").containsEntry("e", "LOW")
                .containsEntry("arr", List.of(1, "two"));
    }

    @Test
    void shouldTruncateLongMetadataStringsSuchAsLogExcerpts() {
        Alert alert = TestAlerts.buildFailure().metadata("log", Map.of("excerpt", "l".repeat(40_000))).build();

        @SuppressWarnings("unchecked")
        String excerpt = ((Map<String, String>) alert.metadata().get("log")).get("excerpt");
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AlertLimits.METADATA_STRING_MAX_BYTES);
        assertThat(excerpt).endsWith(" bytes]").contains("…[truncated ");
        assertThat(alert.truncatedFields()).containsExactly("metadata.log.excerpt");
    }

    @Test
    void shouldCutTheLongestMetadataStringsWhenTheBodyWouldExceedTheLimit() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            metadata.put("log" + i, "x".repeat(30_000)); // 360 KB in total, each under the per-string limit
        }

        Alert alert = TestAlerts.buildFailure().metadata(metadata).build();

        assertThat(alert.jsonLength()).isLessThanOrEqualTo(AlertLimits.BODY_MAX_BYTES);
        assertThat(alert.truncatedFields()).isNotEmpty().allMatch(field -> field.startsWith("metadata.log"));
        assertThat(alert.metadata().values()).anyMatch(v -> v.toString().contains("…[truncated "));
    }

    @Test
    void shouldRefuseABodyThatCannotBeCutUnderTheLimit() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            metadata.put("k" + i, "v".repeat(100)); // many short strings: nothing worth cutting
        }

        assertThatThrownBy(() -> TestAlerts.buildFailure().metadata(metadata).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("body: ");
    }

    @Test
    void shouldNotLetCallersChangeTheAlertThroughItsCollections() {
        Map<String, Object> metadata = new HashMap<>();
        List<Object> list = new ArrayList<>(List.of(1));
        metadata.put("list", list);
        Alert alert = TestAlerts.buildFailure().metadata(metadata).build();
        list.add(2);
        metadata.put("new", 1);

        assertThat(alert.metadata()).containsOnlyKeys("list").containsEntry("list", List.of(1));
        assertThatThrownBy(() -> alert.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> alert.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRoundTripThroughToBuilder() {
        Alert alert = TestAlerts.buildFailure().build();

        assertThat(alert.toBuilder().build()).isEqualTo(alert);
        assertThat(alert.toBuilder().severity(Severity.LOW).build()).isNotEqualTo(alert);
    }

    @Test
    void shouldKeepDescriptionAndMetadataOutOfToString() {
        Alert alert = TestAlerts.buildFailure().description("secret-ish body text").build();

        assertThat(alert.toString()).contains("Build failed").doesNotContain("secret-ish body text");
    }

    @Test
    void shouldHonourTheEqualsContract() {
        EqualsVerifier.forClass(Alert.class).withIgnoredFields("json", "truncatedFields")
                .withNonnullFields("title", "description", "tags", "metadata").verify();
    }
}
