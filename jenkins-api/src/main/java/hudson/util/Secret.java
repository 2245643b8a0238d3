package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;

/** An encrypted secret. */
public final class Secret implements Serializable {
    private Secret() {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public String toString() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException();
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Secret decrypt(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException();
    }
}
