package hudson.model;

/** Receives the console output of a freestyle build. */
public interface BuildListener extends TaskListener {
}
