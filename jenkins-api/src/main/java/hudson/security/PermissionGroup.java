package hudson.security;

import java.util.Iterator;

/** Group of permissions (surface: no member besides the type). */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    private PermissionGroup() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException();
    }
}
