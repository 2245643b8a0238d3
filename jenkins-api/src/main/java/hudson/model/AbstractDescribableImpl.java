package hudson.model;

/** Convenience base of describables. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    public AbstractDescribableImpl() {
        throw new UnsupportedOperationException();
    }
}
