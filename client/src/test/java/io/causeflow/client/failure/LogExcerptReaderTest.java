package io.causeflow.client.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link LogExcerptReader}. */
class LogExcerptReaderTest {
    private static final String ESC = "\u001B";

    @Test
    void shouldReadOnlyABoundedWindowOfATenMillionLineLog(@TempDir final Path dir) throws IOException {
        Path log = dir.resolve("huge.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
            byte[] line = "[INFO] ok\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 10_000_000 - 3; i++) {
                out.write(line);
            }
            out.write("[ERROR] compilation failed: cannot find symbol Foo\n".getBytes(StandardCharsets.US_ASCII));
            out.write("[INFO] BUILD FAILURE\n".getBytes(StandardCharsets.US_ASCII));
            out.write("Finished: FAILURE\n".getBytes(StandardCharsets.US_ASCII));
        }
        CountingLogSource source = new CountingLogSource(new FileLogSource(log));

        LogExcerpt excerpt = LogExcerptReader.withDefaults().read(source, LogExcerpt.Origin.BUILD_LOG_TAIL);

        assertThat(Files.size(log)).isGreaterThan(90_000_000L);
        assertThat(source.bytesRead.get()).isLessThanOrEqualTo(LogExcerptReader.Limits.DEFAULT_WINDOW_BYTES + 1);
        assertThat(source.opened.get()).isEqualTo(1);
        assertThat(excerpt.tailLines()).hasSize(30).endsWith(
                "[ERROR] compilation failed: cannot find symbol Foo", "[INFO] BUILD FAILURE", "Finished: FAILURE");
        assertThat(excerpt.logLength()).isEqualTo(Files.size(log));
        assertThat(excerpt.windowTruncated()).isTrue();
        assertThat(excerpt.linesTruncated()).isTrue();
        assertThat(excerpt.origin()).isEqualTo(LogExcerpt.Origin.BUILD_LOG_TAIL);
    }

    @Test
    void shouldKeepErrorLinesBeforeTheTailFirst() throws IOException {
        StringBuilder log = new StringBuilder();
        log.append("Compiling...\n");
        log.append("src/Main.java:3: error: cannot find symbol\n");
        log.append("fatal: could not read Username for 'https://git.example.com'\n");
        log.append("java.lang.IllegalStateException: boom\n");
        log.append("\tat com.example.Main.run(Main.java:3)\n");
        log.append("Caused by: java.io.IOException: disk full\n");
        for (int i = 0; i < 100; i++) {
            log.append("noise ").append(i).append('\n');
        }

        LogExcerpt excerpt = read(log.toString(), limits(256 * 1024, 10, 5));

        assertThat(excerpt.errorLines()).containsExactly("src/Main.java:3: error: cannot find symbol",
                "fatal: could not read Username for 'https://git.example.com'", "java.lang.IllegalStateException: boom",
                "Caused by: java.io.IOException: disk full");
        assertThat(excerpt.tailLines()).containsExactly("noise 95", "noise 96", "noise 97", "noise 98", "noise 99");
        assertThat(excerpt.lines()).hasSize(9).startsWith("src/Main.java:3: error: cannot find symbol");
        assertThat(excerpt.windowTruncated()).isFalse();
        assertThat(excerpt.linesTruncated()).isTrue();
    }

    @Test
    void shouldKeepOnlyTheFirstDistinctErrorLinesUpToTheCap() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append("[ERROR] same failure\n").append("[ERROR] failure ").append(i).append('\n');
        }
        log.append("tail\n");

        LogExcerpt excerpt = read(log.toString(), limits(256 * 1024, 3, 1));

        assertThat(excerpt.errorLines()).containsExactly("[ERROR] same failure", "[ERROR] failure 0",
                "[ERROR] failure 1");
        assertThat(excerpt.linesTruncated()).isTrue();
    }

    @Test
    void shouldNotTreatSummariesAndStackFramesAsErrors() {
        assertThat(LogExcerptReader.isErrorLooking("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0")).isFalse();
        assertThat(LogExcerptReader.isErrorLooking("\tat com.example.ExceptionHandler.handle(Ex.java:1)")).isFalse();
        assertThat(LogExcerptReader.isErrorLooking("[INFO] BUILD SUCCESS")).isFalse();
        assertThat(LogExcerptReader.isErrorLooking("[INFO] BUILD FAILURE")).isTrue();
        assertThat(LogExcerptReader.isErrorLooking("npm ERR! code ELIFECYCLE")).isTrue();
        assertThat(LogExcerptReader.isErrorLooking("Exception in thread \"main\" java.lang.Error")).isTrue();
        assertThat(LogExcerptReader.isErrorLooking("error[E0425]: cannot find value `x` in this scope")).isTrue();
    }

    @Test
    void shouldStripConsoleNotesAndAnsiColours() throws IOException {
        String note = ESC + "[8mha:" + Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 42, 31, -117, 8})
                + ESC + "[0m";
        String log = note + "Started by user " + note + "alice\n"
                + ESC + "[1;31m[ERROR]" + ESC + "[m Tests failed " + ESC + "[32mgreen" + ESC + "[0m\n"
                + "title " + ESC + "]0;window title\u0007done\n"
                + "a note without end " + ESC + "[8mha:AAAA\n";

        LogExcerpt excerpt = read(log, LogExcerptReader.Limits.defaults());

        assertThat(excerpt.tailLines()).containsExactly("Started by user alice", "[ERROR] Tests failed green",
                "title done", "a note without end");
        assertThat(String.join("\n", excerpt.lines())).doesNotContain(ESC, "ha:");
    }

    @Test
    void shouldStripNotesAndColoursFromTheFreestyleFixture() throws IOException {
        LogExcerpt excerpt = LogExcerptReader.withDefaults().read(
                new FileLogSource(SnapshotFixtures.resource("freestyle-console.log")), LogExcerpt.Origin.BUILD_LOG_TAIL);

        assertThat(excerpt.errorLines()).contains(
                "[ERROR] com.example.billing.InvoiceTest.shouldRoundHalfEven -- Time elapsed: 0.01 s <<< FAILURE!",
                "org.opentest4j.AssertionFailedError: expected: <10.25> but was: <10.24>");
        assertThat(excerpt.tailLines()).last().isEqualTo("Finished: FAILURE");
        assertThat(String.join("\n", excerpt.lines())).doesNotContain(ESC);
    }

    @Test
    void shouldDecodeAWindowThatStartsInsideAMultiByteCharacter() throws IOException {
        // Each line is 3 bytes per "€"; a 1 KiB window starting mid-character must not yield garbage.
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            log.append("€".repeat(10)).append(" line ").append(i).append('\n');
        }
        log.append("€€€ the end ✓\n");
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        int window = 1025; // not a multiple of anything in the line layout

        LogExcerpt excerpt = LogExcerptReader.withLimits(limits(window, 5, 200))
                .read(new ByteLogSource(bytes), LogExcerpt.Origin.BUILD_LOG_TAIL);

        assertThat(excerpt.lines()).allSatisfy(line -> assertThat(line).doesNotContain("\uFFFD"));
        assertThat(excerpt.tailLines()).last().isEqualTo("€€€ the end ✓");
        assertThat(excerpt.tailLines().get(0)).startsWith("€€€€€€€€€€ line ");
        assertThat(excerpt.windowTruncated()).isTrue();
    }

    @Test
    void shouldKeepTheEndOfOneHugeLineWithoutBrokenCharacters() throws IOException {
        byte[] bytes = ("x" + "ü".repeat(10_000)).getBytes(StandardCharsets.UTF_8);

        LogExcerpt excerpt = LogExcerptReader.withLimits(limits(1025, 5, 5))
                .read(new ByteLogSource(bytes), LogExcerpt.Origin.BUILD_LOG_TAIL);

        assertThat(excerpt.tailLines()).hasSize(1);
        assertThat(excerpt.tailLines().get(0)).doesNotContain("\uFFFD").startsWith("üüü").endsWith("…[truncated]");
        assertThat(excerpt.linesTruncated()).isTrue();
    }

    @Test
    void shouldCapLineLengthAndTotalCharacters() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            log.append(i).append(' ').append("y".repeat(300)).append('\n');
        }
        LogExcerptReader.Limits limits = new LogExcerptReader.Limits(256 * 1024, 5, 50, 100, 1_000);

        LogExcerpt excerpt = read(log.toString(), limits);

        assertThat(excerpt.tailLines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(100)
                .endsWith("…[truncated]"));
        assertThat(excerpt.lines().stream().mapToInt(line -> line.length() + 1).sum()).isLessThanOrEqualTo(1_000);
        assertThat(excerpt.tailLines()).last().asString().startsWith("49 ");
        assertThat(excerpt.linesTruncated()).isTrue();
    }

    @Test
    void shouldKeepTheFirstLineWhenTheWindowStartsExactlyAtALine() throws IOException {
        String first = "a".repeat(1023) + "\n"; // 1 KiB
        String log = first + "b".repeat(1023) + "\n";

        LogExcerpt excerpt = LogExcerptReader.withLimits(limits(1024, 5, 5))
                .read(new ByteLogSource(log.getBytes(StandardCharsets.UTF_8)), LogExcerpt.Origin.BUILD_LOG_TAIL);

        assertThat(excerpt.tailLines()).containsExactly("b".repeat(500 - "…[truncated]".length()) + "…[truncated]");
        assertThat(excerpt.windowTruncated()).isTrue();
    }

    @Test
    void shouldDropThePartialFirstLineOfAWindow() throws IOException {
        String log = "x".repeat(2000) + "\nsecond\nthird\n";

        LogExcerpt excerpt = LogExcerptReader.withLimits(limits(1024, 5, 5))
                .read(new ByteLogSource(log.getBytes(StandardCharsets.UTF_8)), LogExcerpt.Origin.BUILD_LOG_TAIL);

        assertThat(excerpt.tailLines()).containsExactly("second", "third");
    }

    @Test
    void shouldKeepOnlyTheLastDrawingOfAProgressLine() throws IOException {
        LogExcerpt excerpt = read("Downloading 10%\rDownloading 50%\rDownloading 100%\r\ndone\n",
                LogExcerptReader.Limits.defaults());

        assertThat(excerpt.tailLines()).containsExactly("Downloading 100%", "done");
    }

    @Test
    void shouldReportAnEmptyLogAsEmpty() throws IOException {
        LogExcerpt excerpt = read("", LogExcerptReader.Limits.defaults());

        assertThat(excerpt.isEmpty()).isTrue();
        assertThat(excerpt.truncated()).isFalse();
        assertThat(excerpt.logLength()).isZero();
    }

    @Test
    void shouldNotMarkAShortCompleteLogAsTruncated() throws IOException {
        LogExcerpt excerpt = read("one\r\ntwo\r\n\r\nthree", LogExcerptReader.Limits.defaults());

        assertThat(excerpt.tailLines()).containsExactly("one", "two", "three");
        assertThat(excerpt.truncated()).isFalse();
    }

    @Test
    void shouldRefuseUnreasonableLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LogExcerptReader.Limits(10, 1, 1, 100, 1000))
                .withMessageContaining("windowBytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new LogExcerptReader.Limits(4096, -1, 1, 100, 1000))
                .withMessageContaining("line caps");
        assertThatIllegalArgumentException().isThrownBy(() -> new LogExcerptReader.Limits(4096, 1, 1, 100, 50))
                .withMessageContaining("maxLineChars");
    }

    private static LogExcerptReader.Limits limits(final int window, final int errorLines, final int tailLines) {
        return new LogExcerptReader.Limits(window, errorLines, tailLines, 500, 100_000);
    }

    private static LogExcerpt read(final String log, final LogExcerptReader.Limits limits) throws IOException {
        return LogExcerptReader.withLimits(limits).read(new ByteLogSource(log.getBytes(StandardCharsets.UTF_8)),
                LogExcerpt.Origin.STEP_LOG);
    }

    /** A log in memory. */
    private record ByteLogSource(byte[] bytes) implements LogSource {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream openFrom(final long offset) {
            return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
        }
    }

    /** Counts the bytes a reader actually pulls from the source. */
    private static final class CountingLogSource implements LogSource {
        private final LogSource delegate;
        private final AtomicLong bytesRead = new AtomicLong();
        private final AtomicLong opened = new AtomicLong();

        CountingLogSource(final LogSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public long length() throws IOException {
            return delegate.length();
        }

        @Override
        public InputStream openFrom(final long offset) throws IOException {
            opened.incrementAndGet();
            return new FilterInputStream(delegate.openFrom(offset)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytesRead.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(final byte[] buffer, final int off, final int len) throws IOException {
                    int n = super.read(buffer, off, len);
                    if (n > 0) {
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }
            };
        }
    }
}
