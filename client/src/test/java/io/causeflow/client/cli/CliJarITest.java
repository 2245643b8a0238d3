package io.causeflow.client.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
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
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar("causeflow.cliJar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CAUSEFLOW_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
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
