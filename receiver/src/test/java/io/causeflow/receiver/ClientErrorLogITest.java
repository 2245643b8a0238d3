package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ReceiverServer}'s log under a flood of unauthenticated requests (issue 13, item 9): a few
 * lines in full, then one summary line with the count, instead of one line per request.
 */
class ClientErrorLogITest {
    @Test
    void shouldSummariseAFloodOfAuthenticationFailuresInsteadOfLoggingEach() throws Exception {
        int requests = 300;
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().build()).start()) {
            for (int i = 0; i < requests; i++) {
                assertThat(Fixtures.post(server, "/v1/webhooks/" + TENANT + "/custom", "{}",
                        Map.of("X-API-Key", "cflo_wrong_" + i)).statusCode()).isEqualTo(401);
            }
        }
        finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        long fullLines = log.lines().filter(line -> line.contains("-> 401 invalid_api_key")).count();

        long summarised = java.util.regex.Pattern.compile("401 invalid_api_key x(\\d+)").matcher(log).results()
                .mapToLong(match -> Long.parseLong(match.group(1))).sum();

        // 10 per 10 s window: one window normally, more on a slow machine; every request is counted once.
        assertThat(fullLines).isBetween(10L, 30L);
        assertThat(fullLines + summarised).isEqualTo(requests);
        assertThat(log).contains("more client errors in the last");
        assertThat(log).doesNotContain("cflo_wrong_");
    }
}
