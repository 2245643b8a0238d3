package io.causeflow.client.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link JUnitReports}. */
class JUnitReportsTest {
    @Test
    void shouldSumEveryReportBelowADirectory() throws IOException {
        TestSummary summary = JUnitReports.read(SnapshotFixtures.resource("junit"));

        assertThat(summary.total()).isEqualTo(6);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.failedTests()).extracting(FailedTest::fullName).containsExactly(
                "com.example.orders.OrderServiceTest.shouldRejectNegativeQuantity()",
                "com.example.orders.OrderServiceTest.shouldComputeTotal()",
                "tests.test_api.test_create_user");
        assertThat(summary.failedTests()).extracting(test -> test.errorMessage().orElseThrow()).containsExactly(
                "org.opentest4j.AssertionFailedError: expected: <IllegalArgumentException> but was: "
                        + "<IllegalStateException>",
                "java.lang.NullPointerException: Cannot invoke \"Price.amount()\" because \"price\" is null",
                "AssertionError: assert 500 == 201");
    }

    @Test
    void shouldReadASingleReportFile() throws IOException {
        TestSummary summary = JUnitReports.read(
                SnapshotFixtures.resource("junit/TEST-com.example.orders.OrderServiceTest.xml"));

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(2);
    }

    @Test
    void shouldRefuseADoctypeAndNeverResolveExternalEntities(@TempDir final Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<testsuite><testcase classname=\"A\" name=\"a\"><failure message=\"&xxe;\"/></testcase></testsuite>";

        assertThatIOException().isThrownBy(() -> JUnitReports.parse(stream(xxe), "evil.xml"))
                .withMessageContaining("evil.xml").satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("TOP-SECRET-CONTENT"));
    }

    @Test
    void shouldNameTheFileOfABrokenReport() {
        assertThatIOException().isThrownBy(() -> JUnitReports.parse(stream("<testsuite><testcase"), "broken.xml"))
                .withMessageStartingWith("broken.xml: not well-formed XML: ");
    }

    @Test
    void shouldCountEveryFailureButKeepOnlyTheCappedDetails() throws IOException {
        StringBuilder xml = new StringBuilder("<testsuite>");
        for (int i = 0; i < 1_000; i++) {
            xml.append("<testcase classname=\"Gen\" name=\"t").append(i).append("\"><error message=\"e\"/></testcase>");
        }
        xml.append("</testsuite>");

        TestSummary summary = JUnitReports.parse(stream(xml.toString()), "gen.xml");

        assertThat(summary.failed()).isEqualTo(1_000);
        assertThat(summary.failedTests()).hasSize(SnapshotLimits.MAX_FAILED_TESTS);
        assertThat(summary.omittedFailedTests()).isEqualTo(950);
    }

    @Test
    void shouldFailForAMissingPath(@TempDir final Path dir) {
        assertThatIOException().isThrownBy(() -> JUnitReports.read(dir.resolve("missing")))
                .withMessageContaining("missing");
    }

    private static final String GOOD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"A\" tests=\"2\">"
            + "<testcase classname=\"A\" name=\"ok\"/>"
            + "<testcase classname=\"A\" name=\"bad\"><failure message=\"boom\">trace</failure></testcase>"
            + "</testsuite>";

    @Test
    void shouldSkipCountAndNameBadReportsAndStillReadTheGoodOnes(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("TEST-A.xml"), GOOD);
        Files.writeString(dir.resolve("TEST-crashed.xml"), GOOD.substring(0, GOOD.length() / 2));
        Files.writeString(dir.resolve("TEST-doctype.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite ["
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n" + GOOD.substring(39));
        Files.writeString(dir.resolve("notes.xml"), "this is not XML at all");
        Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion></project>");
        Files.writeString(dir.resolve("jacoco.xml"), "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD"
                + " Report 1.1//EN\" \"report.dtd\"><report name=\"x\"/>");

        TestSummary summary = JUnitReports.read(dir);

        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.unreadableReports()).isEqualTo(3);
        assertThat(summary.unreadableNamed()).satisfiesExactly(
                crashed -> assertThat(crashed).startsWith("TEST-crashed.xml (not well-formed XML: "),
                doctype -> assertThat(doctype).isEqualTo(
                        "TEST-doctype.xml (document type declaration refused (no DTD is ever parsed))"),
                notes -> assertThat(notes).startsWith("notes.xml (not well-formed XML: "));
    }

    @Test
    void shouldNameOnlyTheFirstUnreadableReportsAndCountTheRest(@TempDir final Path dir) throws IOException {
        for (int i = 1; i <= 8; i++) {
            Files.writeString(dir.resolve("TEST-" + i + ".xml"), "<testsuite><testcase name=\"t\">");
        }

        TestSummary summary = JUnitReports.read(dir);

        assertThat(summary.unreadableReports()).isEqualTo(8);
        assertThat(summary.unreadableNamed()).hasSize(TestSummary.MAX_UNREADABLE_NAMED);
        assertThat(FailureAlertMapper.unreadableReports(summary))
                .startsWith("8 report files could not be read: TEST-1.xml (not well-formed XML: ")
                .endsWith(" and 3 more");
    }

    @Test
    void shouldNotFollowALinkThatResolvesOutsideTheReportFolder(@TempDir final Path dir) throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path outside = Files.writeString(dir.resolve("secret-report.xml"), GOOD.replace("boom", "OUTSIDE-SECRET"));
        Files.createSymbolicLink(reports.resolve("TEST-out.xml"), outside);
        Files.writeString(reports.resolve("TEST-in.xml"), GOOD);
        Files.createSymbolicLink(reports.resolve("TEST-in-link.xml"), reports.resolve("TEST-in.xml"));

        TestSummary summary = JUnitReports.read(reports);

        assertThat(summary.failed()).isEqualTo(2); // TEST-in.xml and the link to it inside the folder
        assertThat(summary.failedTests()).extracting(test -> test.errorMessage().orElseThrow())
                .containsOnly("boom");
        assertThat(summary.unreadableReports()).isEqualTo(1);
        assertThat(summary.unreadableNamed()).containsExactly(
                "TEST-out.xml (a link to outside the report folder, not followed)");
    }

    @Test
    void shouldCountASuiteLevelErrorAsAFailedTestLikeJenkins() throws IOException {
        String xml = "<testsuites><testsuite name=\"FooTest\" package=\"com.example\" tests=\"0\" errors=\"1\">"
                + "<error type=\"java.lang.ExceptionInInitializerError\" message=\"static init failed\">"
                + "java.lang.ExceptionInInitializerError\n\tat com.example.FooTest</error></testsuite>"
                + "<testsuite name=\"BarTest\"><testcase classname=\"BarTest\" name=\"ok\"/></testsuite></testsuites>";

        TestSummary summary = JUnitReports.parse(stream(xml), "TEST-FooTest.xml");

        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.failedTests()).singleElement().satisfies(test -> {
            assertThat(test.fullName()).isEqualTo("com.example.FooTest.<init>");
            assertThat(test.errorMessage()).hasValue("java.lang.ExceptionInInitializerError: static init failed");
        });
    }

    @Test
    void shouldCutHugeFailureTextsAndAttributesWhileStreamingWithBoundedAllocation() throws IOException {
        long size = 16L * 1024 * 1024;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        TestSummary summary = JUnitReports.parse(new GeneratedReport(size), "huge.xml");

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.failedTests()).allSatisfy(test -> assertThat(test.errorMessage().orElseThrow())
                .hasSizeLessThanOrEqualTo(SnapshotLimits.MAX_ERROR_CHARS).startsWith("xxxx").endsWith("[truncated]"));
        // Two 16 MiB tokens went through; holding either whole would allocate 32 MiB of chars at least.
        assertThat(allocated).isLessThan(size / 2);
    }

    /**
     * A report with a {@code size}-byte {@code message} attribute and a {@code size}-byte {@code <failure>} text,
     * generated on the fly so the test itself holds none of it.
     */
    private static final class GeneratedReport extends java.io.InputStream {
        private final byte[][] parts;
        private final long[] lengths;
        private int part;
        private long position;

        GeneratedReport(final long size) {
            byte[] x = "x".getBytes(StandardCharsets.US_ASCII);
            parts = new byte[][] {
                bytes("<testsuite name=\"Huge\"><testcase classname=\"Huge\" name=\"attribute\"><failure message=\""),
                x, bytes("\"/></testcase><testcase classname=\"Huge\" name=\"text\"><failure>"), x,
                bytes("</failure></testcase></testsuite>")};
            lengths = new long[] {parts[0].length, size, parts[2].length, size, parts[4].length};
        }

        private static byte[] bytes(final String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(final byte[] target, final int offset, final int length) {
            while (part < parts.length && position >= lengths[part]) {
                part++;
                position = 0;
            }
            if (part >= parts.length) {
                return -1;
            }
            int count = (int) Math.min(length, lengths[part] - position);
            byte[] source = parts[part];
            if (source.length == 1) {
                java.util.Arrays.fill(target, offset, offset + count, source[0]);
            }
            else {
                System.arraycopy(source, (int) position, target, offset, count);
            }
            position += count;
            return count;
        }
    }

    private static ByteArrayInputStream stream(final String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
