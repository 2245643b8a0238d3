package io.causeflow.receiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.receiver.ReceiverServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link ReceiverCommand}: flags, environment, config files, demo output and exit statuses. */
class ReceiverCommandITest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ReceiverCommand.Launch launch(Map<String, String> env, String... args) {
        return ReceiverCommand.launch(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheBoundPortAndDemoCredentialsAsKeyValueLines() throws Exception {
        ReceiverCommand.Launch launch = launch(Map.of(), "--demo", "--port", "0");
        try (ReceiverServer server = launch.server().orElseThrow()) {
            Matcher listening = Pattern.compile("causeflow-receiver listening on http://127\\.0\\.0\\.1:(\\d+)")
                    .matcher(stdout());
            assertThat(listening.find()).as(stdout()).isTrue();
            assertThat(Integer.parseInt(listening.group(1))).isEqualTo(server.port()).isPositive();
            assertThat(stdout()).containsPattern("(?m)^CAUSEFLOW_TENANT=demo$")
                    .containsPattern("(?m)^CAUSEFLOW_API_KEY=cflo_demo_[0-9a-f]{24}$")
                    .containsPattern("(?m)^CAUSEFLOW_WEBHOOK_SECRET=whsec_demo_[0-9a-f]{32}$")
                    .containsPattern("(?m)^CAUSEFLOW_STREAM_TOKEN=cfst_demo_[0-9a-f]{32}$")
                    .containsPattern("(?m)^CAUSEFLOW_BASE_URL=http://127.0.0.1:\\d+$")
                    .containsPattern("(?m)^CAUSEFLOW_DASHBOARD_URL=http://127.0.0.1:\\d+/dashboard$")
                    .containsPattern("(?m)^causeflow-receiver dashboard: http://127.0.0.1:\\d+/dashboard ")
                    .contains("openssl dgst -sha256 -hmac").contains("curl -sS -X POST")
                    .contains("in-memory store");
        }
    }

    @Test
    void shouldRunTheDemoExampleAsPrinted() throws Exception {
        ReceiverCommand.Launch launch = launch(Map.of(), "--demo", "--port", "0", "--simulator-delay", "0");
        try (ReceiverServer server = launch.server().orElseThrow()) {
            String script = String.join("\n", stdout().lines().filter(l -> l.startsWith("body=")
                    || l.startsWith("sig=") || l.startsWith("curl -sS")).toList());
            Process process = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            assertThat(output).contains("\"status\":\"triaging\"");
            assertThat(server.incidents("demo")).hasSize(1);
        }
    }

    @Test
    void shouldTakeASingleTenantFromEnvironmentVariables(@TempDir Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("CAUSEFLOW_RECEIVER_TENANT", "acme");
        env.put("CAUSEFLOW_RECEIVER_API_KEY", "cflo_env_key");
        env.put("CAUSEFLOW_RECEIVER_WEBHOOK_SECRET", "whsec_env_secret");
        env.put("CAUSEFLOW_RECEIVER_STREAM_TOKEN", "cfst_env_token");
        env.put("CAUSEFLOW_RECEIVER_PORT", "0");
        env.put("CAUSEFLOW_RECEIVER_DATA", data.toString());

        try (ReceiverServer server = launch(env).server().orElseThrow()) {
            assertThat(server.config().tenants()).extracting(t -> t.tenantId()).containsExactly("acme");
            assertThat(server.config().dataDir()).contains(data);
            assertThat(stdout()).contains("tenants: acme").doesNotContain("cflo_env_key")
                    .doesNotContain("whsec_env_secret").doesNotContain("cfst_env_token");
        }
    }

    @Test
    void shouldReadSeveralTenantsFromYamlWithEnvironmentReferences(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("receiver.yaml");
        Files.writeString(file, String.join("\n",
                "port: 0",
                "data: " + dir.resolve("data"),
                "pingInterval: 5s",
                "simulatorDelay: 0",
                "maxBody: 4096",
                "tenants:",
                "  - tenantId: acme",
                "    apiKey: cflo_acme",
                "    webhookSecret: ${env:ACME_SECRET}",
                "    streamToken: cfst_acme",
                "  - tenantId: globex",
                "    apiKey: cflo_globex",
                "    webhookSecret: whsec_globex",
                "    streamToken: cfst_globex", ""));

        try (ReceiverServer server = launch(Map.of("ACME_SECRET", "whsec_from_env"), "--config", file.toString())
                .server().orElseThrow()) {
            assertThat(server.config().tenants()).extracting(t -> t.tenantId()).containsExactly("acme", "globex");
            assertThat(server.config().tenants().get(0).webhookSecret()).isEqualTo("whsec_from_env");
            assertThat(server.config().maxBodyBytes()).isEqualTo(4096);
            assertThat(server.config().pingInterval()).hasSeconds(5);
        }
    }

    @Test
    void shouldReadJsonConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("receiver.json");
        Files.writeString(file, "{\"port\":0,\"tenants\":[{\"tenantId\":\"acme\",\"apiKey\":\"k\","
                + "\"webhookSecret\":\"s\",\"streamToken\":\"t\"}]}");

        try (ReceiverServer server = launch(Map.of(), "--config", file.toString(), "--in-memory").server()
                .orElseThrow()) {
            assertThat(server.config().dataDir()).isEmpty();
        }
    }

    @Test
    void shouldExitWith2AndNameTheProblemForBadConfiguration(@TempDir Path dir) throws Exception {
        Path unknownKey = dir.resolve("typo.yaml");
        Files.writeString(unknownKey, "tenants: []\nprot: 8080\n");
        Path missingEnv = dir.resolve("env.yaml");
        Files.writeString(missingEnv, "tenants:\n  - tenantId: a\n    apiKey: k\n    webhookSecret: ${env:NOPE_X}\n"
                + "    streamToken: t\n");
        Path duplicate = dir.resolve("dup.json");
        Files.writeString(duplicate, "{\"tenants\":[{\"tenantId\":\"a\",\"apiKey\":\"k1\",\"webhookSecret\":\"s\","
                + "\"streamToken\":\"t1\"},{\"tenantId\":\"a\",\"apiKey\":\"k2\",\"webhookSecret\":\"s\","
                + "\"streamToken\":\"t2\"}]}");
        List<List<String>> cases = List.of(
                List.of(),
                List.of("--tenant", "acme", "--api-key", "k"),
                List.of("--demo", "--port", "70000"),
                List.of("--demo", "--port", "abc"),
                List.of("--demo", "--ping-interval", "soon"),
                List.of("--demo", "--max-body", "0"),
                List.of("--demo", "--no-such-flag"),
                List.of("--config", dir.resolve("missing.yaml").toString()),
                List.of("--config", unknownKey.toString()),
                List.of("--config", missingEnv.toString()),
                List.of("--config", duplicate.toString(), "--in-memory"),
                List.of("--tenant", "bad id", "--api-key", "k", "--webhook-secret", "s", "--stream-token", "t"));
        List<String> expected = List.of("no tenant configured", "missing: --webhook-secret, --stream-token",
                "port must be", "port must be", "ping-interval must be a duration", "max-body must be",
                "no-such-flag", "does not exist", "unknown key 'prot'", "NOPE_X, which is not set",
                "configured twice", "tenantId must be");
        for (int i = 0; i < cases.size(); i++) {
            out.reset();
            err.reset();
            ReceiverCommand.Launch launch = launch(Map.of(), cases.get(i).toArray(String[]::new));

            assertThat(launch.server()).as(cases.get(i).toString()).isEmpty();
            assertThat(launch.exitCode()).as(cases.get(i).toString()).isEqualTo(ReceiverCommand.EXIT_CONFIG);
            assertThat(stderr()).as(cases.get(i).toString()).contains(expected.get(i));
        }
    }

    @Test
    void shouldNotPrintSecretsWhenTheConfigurationIsRejected() {
        launch(Map.of(), "--tenant", "acme", "--api-key", "cflo_leak_me", "--webhook-secret", "whsec leak",
                "--stream-token", "cfst_leak_me");

        assertThat(stderr()).contains("webhookSecret").doesNotContain("leak");
    }

    @Test
    void shouldNotEchoTheValueAfterAMisspelledOption() {
        ReceiverCommand.Launch launch = launch(Map.of(), "--demo", "--api-keyy", "cflo_leak_me",
                "--webhook-secrets=whsec_leak_me");

        assertThat(launch.exitCode()).isEqualTo(ReceiverCommand.EXIT_CONFIG);
        assertThat(stderr()).contains("--api-keyy").contains("--webhook-secrets").doesNotContain("leak");
    }

    @Test
    void shouldExitWith1WhenThePortIsTaken() {
        ReceiverCommand.Launch first = launch(Map.of(), "--demo", "--port", "0");
        try (ReceiverServer server = first.server().orElseThrow()) {
            ReceiverCommand.Launch second = launch(Map.of(), "--demo", "--port", String.valueOf(server.port()));

            assertThat(second.server()).isEmpty();
            assertThat(second.exitCode()).isEqualTo(ReceiverCommand.EXIT_START);
            assertThat(stderr()).contains("cannot start");
        }
    }
}
