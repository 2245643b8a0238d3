package io.causeflow.client.cli;

import io.causeflow.client.fixtures.RawHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests the packaged jars: the shaded {@code causeflow-cli.jar} runs, the plain library jar stays unshaded. */
class CliJarITest {
    private static Path jar(final String property) {
        String path = System.getProperty(property);
        assertThat(path).as("system property %s (set by failsafe)", property).isNotBlank();
        return Path.of(path);
    }

    private static String run(final String... args) throws IOException, InterruptedException {
        Result result = runJar(List.of(), Map.of(), args);
        assertThat(result.code()).as(result.output()).isZero();
        return result.output();
    }

    /** What a run of the jar gave: its exit code and its stdout and stderr together. */
    private record Result(int code, String output) {
    }

    private static Result runJar(final List<String> jvmOptions, final Map<String, String> env, final String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar("causeflow.cliJar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CAUSEFLOW_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        // Read in the background so a hung child is caught by the bounded wait below, not by a blocked read.
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    }
                    catch (IOException e) {
                        return "(output unreadable: " + e + ")";
                    }
                });
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the command line finished within 60 s").isTrue();
        return new Result(process.exitValue(), output.join());
    }

    private static Map<String, String> sendEnv(final RawHttpServer server) {
        return Map.of("CAUSEFLOW_URL", server.baseUrl().toString(), "CAUSEFLOW_TENANT_ID", "ten_1",
                "CAUSEFLOW_API_KEY", "cflo_jar_test_key", "CAUSEFLOW_WEBHOOK_SECRET", "whsec_jar_test",
                "CAUSEFLOW_STREAM_TOKEN", "jar_stream_token");
    }

    @Test
    void shouldReportAcceptedForA202WithAnEndlessBodyAtSixtyFourMegabytesOfHeap() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (RawHttpServer server = RawHttpServer.start((head, out) -> {
            out.write(("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n"
                    + "{\"incidentId\":\"inc_endless\",\"padding\":\"").getBytes(StandardCharsets.US_ASCII));
            java.util.Arrays.fill(chunk, (byte) 'x');
            RawHttpServer.repeat(out, chunk, 30_000);
        })) {
            Result result = runJar(List.of("-Xmx64m"), sendEnv(server), "send", "--title", "t", "--description",
                    "d", "--max-attempts", "1", "--attempt-timeout", "20s");

            assertThat(result.code()).as(result.output()).isZero();
            assertThat(result.output()).startsWith("ACCEPTED: accepted (HTTP 202)")
                    .doesNotContain("OutOfMemoryError");
        }
    }

    @Test
    void shouldDropAnEndlessSseLineAndStopAtTheTimeoutAtSixtyFourMegabytesOfHeap() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'y');
        try (RawHttpServer server = RawHttpServer.start((head, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                    + "event: incident.created\ndata: ").getBytes(StandardCharsets.US_ASCII));
            RawHttpServer.repeat(out, chunk, 30_000);
        })) {
            // A 64 KiB cap so the drop shows within seconds even on a loaded machine; the line never ends, so the
            // heap is under attack for the whole run either way.
            Result result = runJar(List.of("-Xmx64m"), sendEnv(server), "stream", "--timeout", "6s",
                    "--max-event-size", "64k");

            assertThat(result.code()).as(result.output()).isZero(); // 0: it connected, and stopped at --timeout
            assertThat(result.output()).contains("causeflow: event dropped: line longer than 65536 characters")
                    .doesNotContain("OutOfMemoryError");
        }
    }

    @Test
    void shouldSendFromAHugeJUnitReportAtSixtyFourMegabytesOfHeap(@TempDir final Path dir) throws Exception {
        Path report = dir.resolve("TEST-Huge.xml");
        long size = 64L * 1024 * 1024; // 128 MiB as Java chars: twice the heap, were it read whole
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(report))) {
            out.write("<testsuite name=\"Huge\"><testcase classname=\"Huge\" name=\"t\"><failure message=\""
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'm');
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"/></testcase></testsuite>".getBytes(StandardCharsets.US_ASCII));
        }
        try (RawHttpServer server = RawHttpServer.start((head, out) -> out.write(
                "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII)))) {
            Result result = runJar(List.of("-Xmx64m"), sendEnv(server), "send", "--from-junit", dir.toString(),
                    "--job", "huge", "--build", "1", "--result", "UNSTABLE");

            assertThat(result.code()).as(result.output()).isZero();
            assertThat(result.output()).startsWith("ACCEPTED: accepted (HTTP 202)");
        }
    }

    @Test
    void shouldRunTheShadedCommandLineWithItsVersion() throws IOException, InterruptedException {
        assertThat(run("--version")).startsWith("causeflow 0.");
    }

    @Test
    void shouldPrintADryRunBodyFromTheShadedJar() throws IOException, InterruptedException {
        assertThat(run("send", "--title", "t", "--description", "d", "--severity", "info", "--dry-run").strip())
                .isEqualTo("{\"title\":\"t\",\"description\":\"d\",\"severity\":\"info\"}");
    }

    @Test
    void shouldKeepThePlainJarFreeOfDependencies() throws IOException {
        try (JarFile plain = new JarFile(jar("causeflow.plainJar").toFile())) {
            List<String> foreign = plain.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("io/causeflow/client/"))
                    .collect(Collectors.toList());

            assertThat(foreign).isEmpty();
            assertThat(plain.getEntry("io/causeflow/client/CauseFlowClient.class")).isNotNull();
        }
    }
}
