package hudson.model;

/** A freestyle-like project. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    AbstractProject() {
        throw new UnsupportedOperationException();
    }

    @Override
    public R getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public boolean isDisabled() {
        throw new UnsupportedOperationException();
    }
}
