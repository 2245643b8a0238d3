package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Something attached to a model object (build, job), optionally with a page. */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
