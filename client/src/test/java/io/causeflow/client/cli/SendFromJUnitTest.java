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
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final StringWriter errors = new StringWriter();
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

    @Test
    void shouldSendTheAlertDespiteBadReportsAndNameThemInIt(@TempDir final Path dir) throws IOException {
        String good = "<testsuite name=\"A\"><testcase classname=\"A\" name=\"bad\"><failure message=\"boom\"/>"
                + "</testcase></testsuite>";
        Files.writeString(dir.resolve("TEST-A.xml"), good);
        Files.writeString(dir.resolve("TEST-crashed.xml"), good.substring(0, 40));
        Files.writeString(dir.resolve("TEST-doctype.xml"), "<!DOCTYPE testsuite [<!ENTITY x \"y\">]>" + good);
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            byte[] answer = "{\"incidentId\":\"inc_7\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            int code = CauseFlowCli.run(new String[] {"send", "--from-junit", dir.toString(), "--job", "app",
                "--build", "3", "--result", "UNSTABLE"}, Map.of("CAUSEFLOW_URL", "http://127.0.0.1:"
                    + server.getAddress().getPort(), "CAUSEFLOW_TENANT_ID", "t1", "CAUSEFLOW_API_KEY", "key-123456",
                    "CAUSEFLOW_WEBHOOK_SECRET", "secret-123456"), new PrintWriter(new StringWriter()),
                    new PrintWriter(errors));

            assertThat(code).as(errors.toString()).isZero();
            assertThat(errors.toString()).contains("causeflow: 2 report files could not be read: TEST-crashed.xml (");
            JsonNode alert = JSON.readTree(bodies.get(0));
            assertThat(alert.get("description").asText()).contains("2 report files could not be read: "
                    + "TEST-crashed.xml (not well-formed XML: ", "TEST-doctype.xml (document type declaration refused");
            assertThat(alert.at("/metadata/tests/failed").asInt()).isEqualTo(1);
            assertThat(alert.at("/metadata/tests/unreadableReports/count").asInt()).isEqualTo(2);
            assertThat(alert.at("/metadata/tests/unreadableReports/files")).hasSize(2);
        }
        finally {
            server.stop(0);
        }
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
