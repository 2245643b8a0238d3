package io.causeflow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.client.failure.AlertOverrides;
import io.causeflow.client.failure.BuildFiles;
import io.causeflow.client.failure.BuildResult;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.ControllerInfo;
import io.causeflow.client.failure.FailureAlertMapper;
import io.causeflow.client.failure.MappingRules;
import io.causeflow.client.failure.ScmInfo;
import io.causeflow.client.failure.SnapshotFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link BuildOptions}: {@code causeflow send --from-junit DIR --log FILE ...}, in-process. */
class SendFromJUnitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JUNIT = SnapshotFixtures.resource("junit").toString();
    private static final String LOG = SnapshotFixtures.resource("freestyle-console.log").toString();

    private String out = "";
    private String err = "";

    @Test
    void shouldSendTheSameAlertTheMapperGivesForTheSameBuild() throws IOException {
        int code = run("send", "--dry-run", "--from-junit", JUNIT, "--log", LOG, "--job", "billing-service",
                "--build", "118", "--result", "failure", "--ci", "jenkins", "--controller-id", "jenkins-prod",
                "--build-url", "https://ci.example.com/job/billing-service/118/");

        BuildSnapshot.Builder snapshot = BuildSnapshot.builder()
                .controller(ControllerInfo.jenkins("jenkins-prod", null, null)).jobFullName("billing-service")
                .buildNumber(118).result(BuildResult.FAILURE).scm(ScmInfo.fromEnvironment(Map.of("BRANCH_NAME", "main")))
                .buildUrl("https://ci.example.com/job/billing-service/118/");
        new BuildFiles(Optional.of(Path.of(JUNIT)), Optional.of(Path.of(LOG))).readInto(snapshot);
        byte[] expected = FailureAlertMapper.map(snapshot.build(), MappingRules.defaults(), AlertOverrides.none())
                .toJsonBytes();
        assertThat(code).as(err).isZero();
        assertThat(JSON.readTree(out)).isEqualTo(JSON.readTree(expected));
        assertThat(JSON.readTree(out).get("title").asText()).isEqualTo("FAILURE: billing-service #118, 3 failed tests");
    }

    @Test
    void shouldLetTheAlertOptionsOverrideTheMapping(@TempDir final Path dir) throws IOException {
        Path rules = dir.resolve("severity.rules");
        Files.writeString(rules, "branch:main,result:FAILURE=critical\n");

        int code = run("send", "--dry-run", "--from-junit", JUNIT, "--job", "team/app/main", "--build", "7",
                "--result", "FAILURE", "--severity-rules", rules.toString(), "--dedup-scope", "streak",
                "--streak-start", "5", "--title", "Nightly broke", "--tag", "owner=alice", "--service-rule",
                "job-name");

        JsonNode alert = JSON.readTree(out);
        assertThat(code).as(err).isZero();
        assertThat(alert.get("title").asText()).isEqualTo("Nightly broke");
        assertThat(alert.get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("service").asText()).isEqualTo("team/app");
        assertThat(alert.at("/tags/owner").asText()).isEqualTo("alice");
        assertThat(alert.at("/tags/ci").asText()).isEqualTo("ci");
        assertThat(alert.at("/tags/branch").asText()).isEqualTo("main");
        assertThat(alert.get("sourceAlertId").asText()).isEqualTo(
                io.causeflow.client.SourceAlertIds.forStreak("ci", "team/app/main", 5));
    }

    @Test
    void shouldNameWhatIsMissingInBuildMode() {
        int code = run("send", "--dry-run", "--from-junit", JUNIT, "--job", "a");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--job, --build and --result");
    }

    @Test
    void shouldNameAnUnreadableInput(@TempDir final Path dir) {
        int code = run("send", "--dry-run", "--log", dir.resolve("nope.log").toString(), "--job", "a", "--build",
                "1", "--result", "FAILURE");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("nope.log");
    }

    @Test
    void shouldRefuseABadResultOrRule() {
        assertThat(run("send", "--dry-run", "--job", "a", "--build", "1", "--result", "red"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("'red'");
        assertThat(run("send", "--dry-run", "--job", "a", "--build", "1", "--result", "FAILURE", "--service-rule",
                "folder")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("'folder'");
    }

    private int run(final String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = CauseFlowCli.run(args, Map.of("BRANCH_NAME", "main"), new PrintWriter(stdout),
                new PrintWriter(stderr));
        out = stdout.toString();
        err = stderr.toString();
        return code;
    }
}
