package hudson.model;

import org.kohsuke.stapler.export.CustomExportedBean;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Build result. The constants are distinct objects (so identity comparisons work in plugin unit tests);
 * every method throws.
 */
public final class Result implements Serializable, CustomExportedBean {
    public static final @NonNull Result SUCCESS = new Result();
    public static final @NonNull Result UNSTABLE = new Result();
    public static final @NonNull Result FAILURE = new Result();
    public static final @NonNull Result NOT_BUILT = new Result();
    public static final @NonNull Result ABORTED = new Result();

    private Result() {
    }

    public @NonNull Result combine(@NonNull Result that) {
        throw new UnsupportedOperationException();
    }

    public static @NonNull Result combine(@NonNull Result r1, @NonNull Result r2) {
        throw new UnsupportedOperationException();
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isBetterThan(@NonNull Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isCompleteBuild() {
        throw new UnsupportedOperationException();
    }

    public static @NonNull Result fromString(@NonNull String s) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toExportedObject() {
        throw new UnsupportedOperationException();
    }
}
