package hudson.model;

import hudson.ExtensionPoint;
import java.util.Collection;
import java.util.SortedMap;

/** A job: something that has runs. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
    Job() {
        throw new UnsupportedOperationException();
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException();
    }

    public boolean isInQueue() {
        throw new UnsupportedOperationException();
    }

    public int getNextBuildNumber() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isBuildable();

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException();
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public RunT getFirstBuild() {
        throw new UnsupportedOperationException();
    }

    public RunT getLastSuccessfulBuild() {
        throw new UnsupportedOperationException();
    }

    public RunT getLastFailedBuild() {
        throw new UnsupportedOperationException();
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException();
    }

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);
}
