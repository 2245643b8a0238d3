package hudson.scm;

import hudson.model.Run;
import hudson.model.User;
import java.util.Collection;

/** The changes recorded for a build. */
public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {
    protected ChangeLogSet(Run<?, ?> run, RepositoryBrowser<?> browser) {
        throw new UnsupportedOperationException();
    }

    public Run<?, ?> getRun() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isEmptySet();

    public final Object[] getItems() {
        throw new UnsupportedOperationException();
    }

    public String getKind() {
        throw new UnsupportedOperationException();
    }

    /** One commit. */
    public abstract static class Entry {
        public Entry() {
            throw new UnsupportedOperationException();
        }

        public ChangeLogSet getParent() {
            throw new UnsupportedOperationException();
        }

        public String getCommitId() {
            throw new UnsupportedOperationException();
        }

        public long getTimestamp() {
            throw new UnsupportedOperationException();
        }

        public abstract String getMsg();

        public abstract User getAuthor();

        public abstract Collection<String> getAffectedPaths();

        public String getMsgAnnotated() {
            throw new UnsupportedOperationException();
        }

        public String getMsgEscaped() {
            throw new UnsupportedOperationException();
        }
    }
}
