package io.jenkins.plugins.causeflow.e2e;

/**
 * The JUnit report every failing job of the suite publishes: two tests, one of which fails.
 */
final class JUnitReport {
    static final String FAILED_TEST = "com.example.checkout.CheckoutTest.shouldApplyDiscount";

    static final String XML = "<testsuite name=\"com.example.checkout.CheckoutTest\" tests=\"2\" failures=\"1\">"
            + "<testcase classname=\"com.example.checkout.CheckoutTest\" name=\"shouldApplyDiscount\" time=\"0.1\">"
            + "<failure message=\"expected: 90 but was: 100\">java.lang.AssertionError: expected: 90 but was: 100"
            + "</failure></testcase>"
            + "<testcase classname=\"com.example.checkout.CheckoutTest\" name=\"shouldComputeTotal\" time=\"0.1\"/>"
            + "</testsuite>";

    private JUnitReport() {
    }

    /** A shell line that writes the report to {@code report.xml}. */
    static String shellWritingReport() {
        return "cat > report.xml <<'EOF'\n" + XML + "\nEOF";
    }

    /** A Groovy string literal of the report, for {@code writeFile}. */
    static String groovyLiteral() {
        return "'" + XML.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
