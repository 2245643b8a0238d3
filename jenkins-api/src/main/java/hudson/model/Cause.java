package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Why a build was started. */
public abstract class Cause {
    public Cause() {
        throw new UnsupportedOperationException();
    }

    public abstract String getShortDescription();

    public void print(TaskListener listener) {
        throw new UnsupportedOperationException();
    }

    /** Started by a user. */
    public static class UserIdCause extends Cause {
        public UserIdCause() {
            throw new UnsupportedOperationException();
        }

        public UserIdCause(@CheckForNull String userId) {
            throw new UnsupportedOperationException();
        }

        @CheckForNull
        public String getUserId() {
            throw new UnsupportedOperationException();
        }

        @NonNull
        public String getUserName() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }

    /** Started by another build. */
    public static class UpstreamCause extends Cause {
        public UpstreamCause(Run<?, ?> up) {
            throw new UnsupportedOperationException();
        }

        public String getUpstreamProject() {
            throw new UnsupportedOperationException();
        }

        public int getUpstreamBuild() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }
}
