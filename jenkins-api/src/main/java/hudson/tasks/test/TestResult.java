package hudson.tasks.test;

/**
 * A test result node (suite, class, case). Surface: TestObject's members are declared here directly
 * (the JVM resolves them in the real superclass).
 */
public abstract class TestResult {
    public TestResult() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public String getFullName() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    public abstract String getDisplayName();

    public float getDuration() {
        throw new UnsupportedOperationException();
    }

    public int getPassCount() {
        throw new UnsupportedOperationException();
    }

    public int getFailCount() {
        throw new UnsupportedOperationException();
    }

    public int getSkipCount() {
        throw new UnsupportedOperationException();
    }

    public int getFailedSince() {
        throw new UnsupportedOperationException();
    }

    public String getErrorStackTrace() {
        throw new UnsupportedOperationException();
    }

    public String getErrorDetails() {
        throw new UnsupportedOperationException();
    }

    public boolean isPassed() {
        throw new UnsupportedOperationException();
    }
}
