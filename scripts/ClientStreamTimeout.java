import io.causeflow.client.cli.CauseFlowCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Measures how closely {@code causeflow stream --timeout} is honoured against a hostile server, with JVM start-up
 * and class loading out of the figure: one warm-up run (2 s), then the measured run; prints the overshoot.
 * Run by scripts/client-hostile-bench.sh:
 * {@code java -Xmx64m -cp client/target/causeflow-cli.jar scripts/ClientStreamTimeout.java URL SECONDS}.
 */
public final class ClientStreamTimeout {
    public static void main(final String[] args) {
        String url = args[0];
        long seconds = Long.parseLong(args[1]);
        Map<String, String> env = Map.of("CAUSEFLOW_STREAM_TOKEN", "bench_stream_token");
        run(url, 2, env); // warm-up: loads picocli, the HTTP client and the SSE classes
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = CauseFlowCli.run(new String[] {"stream", "--url", url, "--timeout", seconds + "s"}, env,
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        double elapsed = (System.nanoTime() - start) / 1e9;
        String first = err.toString().lines().findFirst().orElse("");
        System.out.printf(java.util.Locale.ROOT, "exit=%d elapsed=%.2fs overshoot=%.2fs %s%n", code, elapsed,
                elapsed - seconds, first.length() > 70 ? first.substring(0, 70) : first);
        System.exit(0);
    }

    private static void run(final String url, final long seconds, final Map<String, String> env) {
        CauseFlowCli.run(new String[] {"stream", "--url", url, "--timeout", seconds + "s"}, env,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
