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
                .withMessageStartingWith("broken.xml: not a readable JUnit report");
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

    private static ByteArrayInputStream stream(final String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
