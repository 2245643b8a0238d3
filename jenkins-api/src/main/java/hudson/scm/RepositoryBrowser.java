package hudson.scm;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Links changes to a repository browser (surface: type only). */
public abstract class RepositoryBrowser<E extends ChangeLogSet.Entry> implements ExtensionPoint, Serializable {
    private RepositoryBrowser() {
        throw new UnsupportedOperationException();
    }
}
