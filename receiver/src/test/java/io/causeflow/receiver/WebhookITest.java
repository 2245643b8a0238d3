package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.OTHER_API_KEY;
import static io.causeflow.receiver.Fixtures.SECRET;
import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.alert;
import static io.causeflow.receiver.Fixtures.post;
import static io.causeflow.receiver.Fixtures.send;
import static io.causeflow.receiver.Fixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.model.Incident;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests the class {@link ReceiverServer}'s webhook endpoint over real HTTP: success, dedup and every error path. */
class WebhookITest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/webhooks/" + TENANT + "/custom";
    private static ReceiverServer server;

    @BeforeAll
    static void startServer() {
        server = ReceiverServer.create(Fixtures.config().maxBodyBytes(2048).build()).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static Map<String, String> headers(String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-API-Key", API_KEY);
        headers.put("X-Webhook-Signature", sign(SECRET, body));
        return headers;
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void shouldAcceptTheProtocolTestVectorWithPrefixedSignature() throws Exception {
        assertThat(Fixtures.VECTOR_BODY.getBytes(StandardCharsets.UTF_8)).hasSize(237);
        Map<String, String> headers = headers(Fixtures.VECTOR_BODY);
        assertThat(headers.get("X-Webhook-Signature")).isEqualTo("sha256=" + Fixtures.VECTOR_SIGNATURE);

        HttpResponse<String> response = post(server, PATH, Fixtures.VECTOR_BODY, headers);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo("triaging");
        assertThat(body.path("incidentId").asText()).matches("inc_[0-9A-HJKMNP-TV-Z]{26}");
        Incident incident = server.incident(body.path("incidentId").asText()).orElseThrow();
        assertThat(incident.title()).isEqualTo("Queue backlog above 10k on billing-worker");
        assertThat(incident.sourceAlertId()).contains("billing-q-backlog-2291");
        assertThat(incident.severity()).isEqualTo("medium");
    }

    @Test
    void shouldAcceptBareHexSignature() throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.put("X-Webhook-Signature", sign(SECRET, body).substring("sha256=".length()));

        assertThat(post(server, PATH, body, headers).statusCode()).isEqualTo(202);
    }

    @Test
    void shouldAnswerDuplicateWith409AndTheFirstIncidentId() throws Exception {
        String body = alert(uniqueKey());
        HttpResponse<String> first = send(server, body);
        HttpResponse<String> second = send(server, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertError(second, 409, "duplicate_alert");
        assertThat(json(second).path("incidentId").asText()).isEqualTo(json(first).path("incidentId").asText());
    }

    @Test
    void shouldTreatADifferentBodyWithTheSameSourceAlertIdAsDuplicate() throws Exception {
        String key = uniqueKey();
        String first = "{\"title\":\"a\",\"description\":\"b\",\"sourceAlertId\":\"" + key + "\"}";
        String second = "{\"title\":\"other\",\"description\":\"changed\",\"sourceAlertId\":\"" + key + "\"}";

        String incidentId = json(send(server, first)).path("incidentId").asText();

        HttpResponse<String> repeat = send(server, second);
        assertError(repeat, 409, "duplicate_alert");
        assertThat(json(repeat).path("incidentId").asText()).isEqualTo(incidentId);
    }

    @Test
    void shouldCreateANewIncidentEveryTimeWhenSourceAlertIdIsMissing() throws Exception {
        String body = "{\"title\":\"No key\",\"description\":\"sent twice without sourceAlertId\"}";

        HttpResponse<String> first = send(server, body);
        HttpResponse<String> second = send(server, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(first).path("incidentId").asText()).isNotEqualTo(json(second).path("incidentId").asText());
    }

    @Test
    void shouldUseExternalIdAsDedupKeyWhenSourceAlertIdIsAbsent() throws Exception {
        String body = "{\"title\":\"t\",\"description\":\"d\",\"externalId\":\"" + uniqueKey() + "\"}";

        assertThat(send(server, body).statusCode()).isEqualTo(202);
        assertError(send(server, body), 409, "duplicate_alert");
    }

    @Test
    void shouldScopeDedupPerTenant() throws Exception {
        String body = alert(uniqueKey());
        assertThat(send(server, body).statusCode()).isEqualTo(202);

        HttpResponse<String> otherTenant = post(server, "/v1/webhooks/" + Fixtures.OTHER_TENANT + "/custom", body,
                Map.of("Content-Type", "application/json", "X-API-Key", OTHER_API_KEY,
                        "X-Webhook-Signature", sign(Fixtures.OTHER_SECRET, body)));

        assertThat(otherTenant.statusCode()).isEqualTo(202);
    }

    @Test
    void shouldAnswerUnknownTenantBeforeAnythingElse() throws Exception {
        assertError(post(server, "/v1/webhooks/nobody/custom", "x", Map.of()), 404, "unknown_tenant");
    }

    @Test
    void shouldRejectMissingApiKey() throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.remove("X-API-Key");

        assertError(post(server, PATH, body, headers), 401, "invalid_api_key");
    }

    @Test
    void shouldRejectAnotherTenantsApiKey() throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.put("X-API-Key", OTHER_API_KEY);

        assertError(post(server, PATH, body, headers), 401, "invalid_api_key");
    }

    @Test
    void shouldCheckApiKeyBeforeSignatureAndContentType() throws Exception {
        assertError(post(server, PATH, "not json", Map.of("Content-Type", "text/plain", "X-API-Key", "wrong")),
                401, "invalid_api_key");
    }

    @Test
    void shouldRejectMissingSignature() throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.remove("X-Webhook-Signature");

        assertError(post(server, PATH, body, headers), 401, "invalid_signature");
    }

    @ParameterizedTest
    @CsvSource({
            "sha256=0000000000000000000000000000000000000000000000000000000000000000",
            "sha256=29b1788b80f1767b24fe9396b192ffe0d438de32f2187bfd327a9628dcf666e5",
            "sha256=zz",
            "md5=29b1788b80f1767b24fe9396b192ffe0d438de32f2187bfd327a9628dcf666e5",
            "''"
    })
    void shouldRejectWrongOrMalformedSignature(String signature) throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.put("X-Webhook-Signature", signature.isEmpty() ? " " : signature);

        assertError(post(server, PATH, body, headers), 401, "invalid_signature");
    }

    @Test
    void shouldRejectSignatureMadeWithAnotherSecret() throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.put("X-Webhook-Signature", sign(Fixtures.OTHER_SECRET, body));

        assertError(post(server, PATH, body, headers), 401, "invalid_signature");
    }

    @Test
    void shouldRejectSignatureOfDifferentBytesEvenIfTheJsonIsEquivalent() throws Exception {
        String signed = alert(uniqueKey());
        String sent = signed.replace(",", ", ");
        Map<String, String> headers = headers(signed);

        assertError(post(server, PATH, sent, headers), 401, "invalid_signature");
    }

    @Test
    void shouldCheckSignatureBeforeContentType() throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.put("Content-Type", "text/plain");
        headers.put("X-Webhook-Signature", sign(SECRET, "something else"));

        assertError(post(server, PATH, body, headers), 401, "invalid_signature");
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "''"})
    void shouldRejectNonJsonContentType(String contentType) throws Exception {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        if (contentType.isEmpty()) {
            headers.remove("Content-Type");
        }
        else {
            headers.put("Content-Type", contentType);
        }

        assertError(post(server, PATH, body, headers), 415, "unsupported_media_type");
    }

    @Test
    void shouldAcceptJsonWithUtf8Charset() {
        String body = alert(uniqueKey());
        Map<String, String> headers = headers(body);
        headers.put("Content-Type", "application/json; charset=UTF-8");

        assertThat(post(server, PATH, body, headers).statusCode()).isEqualTo(202);
    }

    @Test
    void shouldCheckContentTypeBeforeValidation() throws Exception {
        String body = "[]";
        Map<String, String> headers = headers(body);
        headers.put("Content-Type", "text/plain");

        assertError(post(server, PATH, body, headers), 415, "unsupported_media_type");
    }

    @Test
    void shouldRejectOversizedBodyByContentLength() throws Exception {
        String body = "{\"title\":\"t\",\"description\":\"" + "x".repeat(3000) + "\"}";

        assertError(post(server, PATH, body, headers(body)), 413, "payload_too_large");
    }

    @Test
    void shouldRejectOversizedChunkedBodyWithoutContentLength() throws Exception {
        byte[] body = ("{\"title\":\"t\",\"description\":\"" + "x".repeat(3000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(server, PATH,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                headers(new String(body, StandardCharsets.UTF_8)));

        assertError(response, 413, "payload_too_large");
    }

    @Test
    void shouldAcceptBodyOfExactlyTheLimit() {
        String prefix = "{\"title\":\"t\",\"description\":\"";
        String suffix = "\"}";
        String body = prefix + "x".repeat(2048 - prefix.length() - suffix.length()) + suffix;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(2048);

        assertThat(send(server, body).statusCode()).isEqualTo(202);
    }

    @Test
    void shouldAnswer413BeforeTheSignatureForOversizedBodies() throws Exception {
        String body = "{\"title\":\"t\",\"description\":\"" + "x".repeat(3000) + "\"}";
        Map<String, String> headers = headers(body);
        headers.put("X-Webhook-Signature", "sha256=bad");

        assertError(post(server, PATH, body, headers), 413, "payload_too_large");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                   | body",
            "[1,2]                                                      | body",
            "{\"title\":\"t\",\"description\":\"d\"} trailing          | body",
            "{\"title\":\"t\",\"title\":\"u\",\"description\":\"d\"}   | body",
            "{\"description\":\"d\"}                                    | title",
            "{\"title\":\"  \",\"description\":\"d\"}                   | title",
            "{\"title\":7,\"description\":\"d\"}                        | title",
            "{\"title\":\"t\"}                                          | description",
            "{\"title\":\"t\",\"description\":\"\"}                     | description",
            "{\"title\":\"t\",\"description\":\"d\",\"severity\":\"urgent\"} | severity",
            "{\"title\":\"t\",\"description\":\"d\",\"severity\":\"HIGH\"}   | severity",
            "{\"title\":\"t\",\"description\":\"d\",\"severity\":3}          | severity",
            "{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":5}     | sourceAlertId",
            "{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":\" \"} | sourceAlertId",
            "{\"title\":\"t\",\"description\":\"d\",\"service\":[]}          | service",
            "{\"title\":\"t\",\"description\":\"d\",\"environment\":{}}      | environment",
            "{\"title\":\"t\",\"description\":\"d\",\"tags\":[\"a\"]}        | tags",
            "{\"title\":\"t\",\"description\":\"d\",\"tags\":{\"owner\":1}}  | tags.owner",
            "{\"title\":\"t\",\"description\":\"d\",\"metadata\":\"x\"}      | metadata"
    })
    void shouldRejectInvalidBodiesNamingTheField(String body, String field) throws Exception {
        HttpResponse<String> response = post(server, PATH, body.strip(), headers(body.strip()));

        assertError(response, 400, "validation_error");
        assertThat(json(response).path("field").asText()).isEqualTo(field);
        assertThat(json(response).path("message").asText()).contains(field.equals("body") ? "body" : field);
    }

    @Test
    void shouldStoreOptionalFieldsAndDefaultSeverityToMedium() throws Exception {
        String key = uniqueKey();
        String body = "{\"title\":\"TLS\",\"description\":\"expiring\",\"sourceAlertId\":\"" + key + "\","
                + "\"service\":\"edge\",\"environment\":\"production\",\"tags\":{\"owner\":\"netops\"},"
                + "\"metadata\":{\"daysLeft\":2,\"nested\":{\"a\":[1,true,null]}},\"unknownField\":1}";

        HttpResponse<String> response = send(server, body);

        assertThat(response.statusCode()).isEqualTo(202);
        Incident incident = server.incident(json(response).path("incidentId").asText()).orElseThrow();
        assertThat(incident.severity()).isEqualTo("medium");
        assertThat(incident.service()).contains("edge");
        assertThat(incident.environment()).contains("production");
        assertThat(incident.tags()).containsExactly(Map.entry("owner", "netops"));
        assertThat(JSON.readTree(incident.metadataJson()))
                .isEqualTo(JSON.readTree("{\"daysLeft\":2,\"nested\":{\"a\":[1,true,null]}}"));
    }

    @Test
    void shouldAnswerUnknownProviderAfterAuthentication() throws Exception {
        String body = alert(uniqueKey());

        assertError(post(server, "/v1/webhooks/" + TENANT + "/datadog", body, headers(body)), 404,
                "unknown_provider");
        assertError(post(server, "/v1/webhooks/" + TENANT + "/datadog", body, Map.of()), 401, "invalid_api_key");
    }

    @Test
    void shouldAnswerUnknownRoutesWithJsonErrors() throws Exception {
        assertError(Fixtures.get(server, "/v1/nothing-here", Map.of()), 404, "not_found");
    }
}
