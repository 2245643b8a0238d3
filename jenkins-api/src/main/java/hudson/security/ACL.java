package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

/** Access control list. */
public abstract class ACL {
    public static final String ANONYMOUS_USERNAME = "anonymous";
    public static final String SYSTEM_USERNAME = "SYSTEM";
    public static final Authentication SYSTEM2 = null;

    private ACL() {
        throw new UnsupportedOperationException();
    }

    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException();
    }

    public final boolean hasPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException();
    }

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        throw new UnsupportedOperationException();
    }

    public static boolean isAnonymous2(@NonNull Authentication authentication) {
        throw new UnsupportedOperationException();
    }
}
