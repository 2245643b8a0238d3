package io.causeflow.client;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Build, serialise and sign a typical failure alert (8 KiB description, 50 metadata entries) on one thread.
 * Target: at least 20,000 alerts/s.
 *
 * <pre>
 * mvn -B -pl client -am -Pbench package -DskipTests
 * java -jar client/target/benchmarks.jar AlertPipelineBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AlertPipelineBenchmark {
    private String description;
    private Map<String, Object> metadata;
    private WebhookSigner signer;
    private int buildNumber;

    /** Prepares the inputs once: the work measured is what a plugin does per failed build. */
    @Setup
    public void prepare() {
        StringBuilder text = new StringBuilder(8192);
        int line = 0;
        while (text.length() < 8192 - 80) {
            text.append(String.format("[%04d] ERROR com.example.PaymentService - request failed: timeout%n", line++));
        }
        description = text.toString();
        metadata = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            metadata.put("entry" + i, i % 3 == 0 ? "value-" + i + "-with-some-text" : i % 3 == 1 ? (Object) i
                    : (Object) (i % 2 == 0));
        }
        signer = WebhookSigner.of("whsec_benchmark_secret_0123456789");
    }

    /** @return the signature header value, so the work cannot be eliminated */
    @Benchmark
    public String buildSerialiseSign() {
        Alert alert = Alert.builder()
                .title("Build failed: team/payments/main #" + ++buildNumber)
                .description(description)
                .sourceAlertId(SourceAlertIds.forBuild("https://jenkins.example.com/", "team/payments/main",
                        buildNumber))
                .severity(Severity.HIGH)
                .service("payments")
                .environment("ci")
                .tag("job", "team/payments/main")
                .tag("result", "FAILURE")
                .metadata(metadata)
                .build();
        return signer.sign(alert.toJsonBytes());
    }
}
