package io.causeflow.client.failure;

import io.causeflow.client.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mapping a typical Pipeline failure (3 failed nodes, 50 failed tests of 1,000, 20 changes, a 30-line excerpt) to an
 * alert and its JSON bytes.
 *
 * <pre>
 * mvn -B -pl client -am -Pbench package -DskipTests
 * java -jar client/target/benchmarks.jar FailureMappingBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FailureMappingBenchmark {
    private BuildSnapshot snapshot;
    private MappingRules rules;

    /** Builds the snapshot once. */
    @Setup
    public void createSnapshot() {
        List<FailedTest> tests = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            tests.add(FailedTest.of("com.example.generated.Suite" + i / 100, "shouldPass" + i,
                    "expected: <" + i + "> but was: <" + (i + 1) + ">", List.of("Test", "linux")));
        }
        List<ChangeEntry> changes = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            changes.add(ChangeEntry.of(Integer.toHexString(i * 7919) + "e83c5163316f89bfbde7d9ab23ca2e", "dev" + i,
                    "Change number " + i + " touching the order service"));
            tail.add("[INFO] some build output line number " + i + " with a typical length for Maven output");
        }
        snapshot = BuildSnapshot.builder()
                .controller(ControllerInfo.jenkins("jenkins-prod", "Jenkins (prod)", "https://ci.example.com/"))
                .jobFullName("team/app/main").buildNumber(42).result(BuildResult.FAILURE)
                .startTime(Instant.parse("2026-11-26T22:40:00Z")).duration(Duration.ofMinutes(6))
                .buildUrl("https://ci.example.com/job/team/job/app/job/main/42/")
                .scm(ScmInfo.fromEnvironment(Map.of("BRANCH_NAME", "main", "GIT_COMMIT", "e83c5163316f")))
                .changes(ChangeLog.of(changes)).tests(TestSummary.of(20_000, 1_000, 5, tests))
                .failedNode(FailedNode.stage("Test", List.of(), "script returned exit code 1", "sh"))
                .failedNode(FailedNode.branch("linux", List.of("Test"), "script returned exit code 1", "sh"))
                .failedNode(FailedNode.branch("windows", List.of("Test"), "script returned exit code 1", "bat"))
                .logExcerpt(new LogExcerpt(LogExcerpt.Origin.STEP_LOG, List.of("[ERROR] compilation failed"), tail,
                        1L << 30, true, true))
                .build();
        rules = MappingRules.builder().severityRules("branch:main,result:FAILURE=critical").build();
    }

    /**
     * Maps and serialises.
     *
     * @return the JSON bytes
     */
    @Benchmark
    public byte[] mapToJson() {
        Alert alert = FailureAlertMapper.map(snapshot, rules, AlertOverrides.none());
        return alert.toJsonBytes();
    }
}
