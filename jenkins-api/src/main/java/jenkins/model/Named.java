package jenkins.model;

/** Something with a name. */
public interface Named {
    String getName();
}
