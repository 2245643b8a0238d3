package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Static helpers of core. */
public class Util {
    private Util() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String fixNull(@CheckForNull String s) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static String fixEmpty(@CheckForNull String s) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String escape(@CheckForNull String s) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String rawEncode(@NonNull String s) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String getTimeSpanString(long duration) {
        throw new UnsupportedOperationException();
    }
}
