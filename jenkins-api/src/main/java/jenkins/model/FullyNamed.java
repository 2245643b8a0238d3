package jenkins.model;

/** Something with a full name (path from the root). */
public interface FullyNamed {
    String getFullName();
}
