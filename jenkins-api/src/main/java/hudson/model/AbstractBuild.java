package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.scm.ChangeLogSet;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import jenkins.scm.RunWithSCM;

/** A build of an {@link AbstractProject} (freestyle). */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements RunWithSCM<P, R> {
    AbstractBuild(P job) throws IOException {
        super(job);
    }

    public final P getProject() {
        throw new UnsupportedOperationException();
    }

    @Override
    public R getPreviousBuild() {
        throw new UnsupportedOperationException();
    }

    @Override
    public R getNextBuild() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public Node getBuiltOn() {
        throw new UnsupportedOperationException();
    }

    public String getBuiltOnStr() {
        throw new UnsupportedOperationException();
    }

    public final @CheckForNull FilePath getWorkspace() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public Set<String> getCulpritIds() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public Set<User> getCulprits() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean shouldCalculateCulprits() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public ChangeLogSet<? extends ChangeLogSet.Entry> getChangeSet() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public List<ChangeLogSet<? extends ChangeLogSet.Entry>> getChangeSets() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EnvVars getEnvironment(@NonNull TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public abstract void run();
}
