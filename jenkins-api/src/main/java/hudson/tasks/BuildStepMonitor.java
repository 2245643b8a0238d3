package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;

/** How a build step synchronises with the same step of the previous build. */
public enum BuildStepMonitor {
    NONE {
        @Override
        public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener) {
            throw new UnsupportedOperationException();
        }
    },
    STEP {
        @Override
        public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener) {
            throw new UnsupportedOperationException();
        }
    },
    BUILD {
        @Override
        public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener) {
            throw new UnsupportedOperationException();
        }
    };

    public abstract boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException;
}
