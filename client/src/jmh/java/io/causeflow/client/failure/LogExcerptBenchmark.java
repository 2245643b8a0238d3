package io.causeflow.client.failure;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The excerpt of a 1 GiB build log against reading the whole log, in one run. Target: the excerpt in at most 50 ms
 * and 16 MiB of heap. The forked JVM runs with {@code -Xmx16m}, so the excerpt cannot use more heap than that; use
 * {@code -prof gc} for the bytes allocated per operation ({@code gc.alloc.rate.norm}).
 *
 * <pre>
 * mvn -B -pl client -am -Pbench package -DskipTests
 * java -jar client/target/benchmarks.jar LogExcerptBenchmark -prof gc
 * </pre>
 *
 * The log (generated in {@link #createLog()}, deleted in {@link #deleteLog()}) has 100-byte lines with an error
 * line every 10,000 lines and a Maven-style failure at its end; the page cache holds it after generation, so both
 * benchmarks measure CPU and copying rather than the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx16m", "-Xms16m"})
public class LogExcerptBenchmark {
    private static final long LOG_BYTES = 1L << 30;

    private Path log;

    /** Writes the 1 GiB log once per fork. */
    @Setup(Level.Trial)
    public void createLog() throws IOException {
        log = Files.createTempFile("causeflow-bench-", ".log");
        StringBuilder block = new StringBuilder(1 << 20);
        int line = 0;
        while (block.length() < (1 << 20) - 100) {
            String text = line % 10_000 == 0
                    ? "[ERROR] flaky network call failed, retrying (attempt " + line + ")"
                    : "[INFO] Downloading from central: https://repo.example.com/artifact-" + line + ".jar";
            block.append(String.format("%-99s", text)).append('\n');
            line++;
        }
        ByteBuffer chunk = ByteBuffer.wrap(block.toString().getBytes(StandardCharsets.UTF_8));
        byte[] end = ("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:compile\n"
                + "[INFO] BUILD FAILURE\nFinished: FAILURE\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.WRITE)) {
            long written = 0;
            while (written + chunk.capacity() + end.length <= LOG_BYTES) {
                chunk.rewind();
                while (chunk.hasRemaining()) {
                    written += out.write(chunk);
                }
            }
            out.write(ByteBuffer.wrap(end));
        }
    }

    /** Removes the log. */
    @TearDown(Level.Trial)
    public void deleteLog() throws IOException {
        Files.deleteIfExists(log);
    }

    /**
     * The excerpt: reads the last 256 KiB only.
     *
     * @return the excerpt, so the work is not optimised away
     * @throws IOException if the log cannot be read
     */
    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public LogExcerpt excerpt() throws IOException {
        return LogExcerptReader.withDefaults().read(new FileLogSource(log), LogExcerpt.Origin.BUILD_LOG_TAIL);
    }

    /**
     * The baseline most notifiers and log scanners use: every line of the whole log, decoded and tested.
     *
     * @return the number of error-looking lines
     * @throws IOException if the log cannot be read
     */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public long wholeLog() throws IOException {
        long errors = 0;
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (LogExcerptReader.isErrorLooking(line)) {
                    errors++;
                }
            }
        }
        return errors;
    }
}
