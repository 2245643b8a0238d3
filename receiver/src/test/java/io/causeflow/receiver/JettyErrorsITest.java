package io.causeflow.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the class {@link ReceiverServer}: requests that Jetty refuses before any route (issue 13, item 7) are answered
 * with the documented {@code {error, message}} JSON, not Jetty's HTML or text page.
 */
class JettyErrorsITest {
    private static ReceiverServer server;

    @BeforeAll
    static void startServer() {
        server = ReceiverServer.create(Fixtures.config().build()).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static final String POST = "POST /v1/webhooks/acme/custom HTTP/1.1\r\nHost: localhost\r\n";

    static Stream<Arguments> malformedRequests() {
        StringBuilder manyHeaders = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            manyHeaders.append("X-H").append(i).append(": v\r\n");
        }
        return Stream.of(
                Arguments.of("NUL in a header", "GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\0b\r\n\r\n", 400),
                Arguments.of("obs-fold", "GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\r\n b\r\n\r\n", 400),
                Arguments.of("64 KB header", "GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: " + "a".repeat(65_536)
                        + "\r\n\r\n", 431),
                Arguments.of("10,000 headers", "GET /health HTTP/1.1\r\nHost: localhost\r\n" + manyHeaders + "\r\n",
                        431),
                Arguments.of("negative Content-Length", POST + "Content-Length: -1\r\n\r\n", 400),
                Arguments.of("non-numeric Content-Length", POST + "Content-Length: ten\r\n\r\n", 400),
                Arguments.of("huge Content-Length", POST + "Content-Length: 99999999999999999999999\r\n\r\n", 400),
                Arguments.of("two Content-Lengths", POST + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
                Arguments.of("Content-Length with Transfer-Encoding", POST
                        + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("unknown Transfer-Encoding", POST + "Transfer-Encoding: gzip\r\n\r\n", 400),
                Arguments.of("%00 in the path", "GET /health%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
                Arguments.of("%zz in the path", "GET /he%zzlth HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
                Arguments.of("overlong path", "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        414),
                Arguments.of("HTTP/9.9", "GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n", 505),
                Arguments.of("unknown Expect", "GET /health HTTP/1.1\r\nHost: localhost\r\nExpect: teapot\r\n\r\n",
                        417),
                Arguments.of("garbage request line", "HELLO\r\n\r\n", 400),
                Arguments.of("space in a header name", "GET /health HTTP/1.1\r\nHost: localhost\r\nX A: b\r\n\r\n",
                        400),
                Arguments.of("HTTP/1.1 without Host", "GET /health HTTP/1.1\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void shouldAnswerMalformedRequestsWithJsonErrors(String name, String request, int status) throws Exception {
        try (RawHttp client = new RawHttp(server.baseUri())) {
            RawHttp.Answer answer = client.send(request).answer();

            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.contentType()).startsWith("application/json");
            JsonNode body = answer.json();
            assertThat(body.path("error").asText()).matches("[a-z_0-9]+");
            assertThat(body.path("message").asText()).isNotBlank();
        }
    }
}
