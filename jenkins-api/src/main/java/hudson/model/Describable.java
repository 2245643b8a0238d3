package hudson.model;

/** An object with a {@link Descriptor}. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
