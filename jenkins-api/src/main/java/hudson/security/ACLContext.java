package hudson.security;

/** Restores the previous security context on {@link #close()}. */
public class ACLContext implements AutoCloseable {
    private ACLContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
