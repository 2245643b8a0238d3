package hudson.security;

/**
 * A permission. The constructor only records its arguments, so that the surface's permission constants are
 * distinct, named objects that plugin unit tests can tell apart; every method throws.
 */
public final class Permission {
    public final PermissionGroup group;
    public final String name;
    public final Permission impliedBy;

    public Permission(PermissionGroup group, String name, Permission impliedBy) {
        this.group = group;
        this.name = name;
        this.impliedBy = impliedBy;
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public static Permission fromId(String id) {
        throw new UnsupportedOperationException();
    }
}
