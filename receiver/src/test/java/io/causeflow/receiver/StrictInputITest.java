package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.SECRET;
import static io.causeflow.receiver.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.ingest.SignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ReceiverServer}: inputs that were accepted leniently and stored altered (issue 13, items 6
 * and 8) are refused with a clear 4xx naming what was wrong. Every body is correctly signed, so nothing but the
 * tested property can be the reason for the answer.
 */
class StrictInputITest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/webhooks/" + TENANT + "/custom";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ReceiverServer server;

    @BeforeAll
    static void startServer() {
        server = ReceiverServer.create(Fixtures.config().build()).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<String> post(byte[] body, String... extraHeaders) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .header("X-Webhook-Signature", "sha256=" + SignatureVerifier.hexHmac(SECRET, body));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void shouldRefuseUnpairedSurrogatesNamingTheField() throws Exception {
        String escaped = "{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":\"x\\ud800\"}";
        String inTag = "{\"title\":\"t\",\"description\":\"d\",\"tags\":{\"owner\":\"\\udc00y\"}}";
        String inMetadata = "{\"title\":\"t\",\"description\":\"d\",\"metadata\":{\"a\":[\"ok\",\"\\ud83d\"]}}";
        String paired = "{\"title\":\"t \\ud83d\\ude00\",\"description\":\"d\",\"sourceAlertId\":\"pair-1\"}";

        HttpResponse<String> lone = post(escaped.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tag = post(inTag.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> metadata = post(inMetadata.getBytes(StandardCharsets.UTF_8));

        assertThat(lone.statusCode()).isEqualTo(400);
        assertThat(json(lone).path("field").asText()).isEqualTo("sourceAlertId");
        assertThat(json(lone).path("message").asText()).contains("unpaired surrogate");
        assertThat(json(tag).path("field").asText()).isEqualTo("tags.owner");
        assertThat(json(metadata).path("field").asText()).isEqualTo("metadata.a[1]");
        assertThat(post(paired.getBytes(StandardCharsets.UTF_8)).statusCode()).as("a real pair is text").isEqualTo(202);
    }

    @Test
    void shouldRefuseUtf16AndUtf32BodiesWith415() throws Exception {
        String alert = Fixtures.alert("utf16-1");
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-32LE"}) {
            HttpResponse<String> response = post(alert.getBytes(Charset.forName(charset)));

            assertThat(response.statusCode()).as(charset).isEqualTo(415);
            assertThat(json(response).path("error").asText()).isEqualTo("unsupported_media_type");
            assertThat(json(response).path("message").asText()).contains("UTF-").contains("must be sent as UTF-8");
        }
        assertThat(server.incidents(TENANT)).noneMatch(incident -> incident.title().contains("utf16-1"));
    }

    @Test
    void shouldRefuseOverlongUtf8InsteadOfDecodingIt() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"title\":\"a".getBytes(StandardCharsets.UTF_8));
        body.write(0xc0);
        body.write(0xaf); // overlong '/'
        body.writeBytes("b\",\"description\":\"d\",\"sourceAlertId\":\"overlong-1\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(body.toByteArray());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("body");
        assertThat(json(response).path("message").asText()).contains("not valid UTF-8").contains("byte offset 11");
    }

    @Test
    void shouldRefuseNumbersThatAreNotFinite() throws Exception {
        String body = "{\"title\":\"t\",\"description\":\"d\",\"sourceAlertId\":\"inf-1\",\"metadata\":{\"n\":1e999999999}}";

        HttpResponse<String> response = post(body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("metadata.n");
    }

    @Test
    void shouldRefuseContentEncodingItCannotRead() throws Exception {
        HttpResponse<String> response = post(Fixtures.alert("gzip-1").getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).path("message").asText()).contains("Content-Encoding 'gzip'");
    }

    @Test
    void shouldRefuseRepeatedCredentialHeaders() throws Exception {
        byte[] body = Fixtures.alert("dup-header-1").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> twoKeys = post(body, "X-API-Key", "cflo_someone_else");
        HttpResponse<String> twoSignatures = post(body, "X-Webhook-Signature", "sha256=" + "0".repeat(64));

        assertThat(twoKeys.statusCode()).isEqualTo(400);
        assertThat(json(twoKeys).path("field").asText()).isEqualTo("X-API-Key");
        assertThat(json(twoKeys).path("message").asText()).contains("2 times").doesNotContain(API_KEY);
        assertThat(twoSignatures.statusCode()).isEqualTo(400);
        assertThat(json(twoSignatures).path("field").asText()).isEqualTo("X-Webhook-Signature");
    }
}
