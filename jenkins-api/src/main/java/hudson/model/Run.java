package hudson.model;

import org.kohsuke.stapler.StaplerProxy;
import jenkins.util.io.OnMaster;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.console.AnnotatedLargeText;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/** One execution of a {@link Job}. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster,
        StaplerProxy {
    public static final long QUEUE_ID_UNKNOWN = -1;

    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        throw new UnsupportedOperationException();
    }

    public long getQueueId() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException();
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException();
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException();
    }

    public boolean isInProgress() {
        throw new UnsupportedOperationException();
    }

    public boolean isLogUpdated() {
        throw new UnsupportedOperationException();
    }

    public final @NonNull Charset getCharset() {
        throw new UnsupportedOperationException();
    }

    public @NonNull List<Cause> getCauses() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public @NonNull Calendar getTimestamp() {
        throw new UnsupportedOperationException();
    }

    public final @NonNull Date getTime() {
        throw new UnsupportedOperationException();
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException();
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public String getDescription() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getDurationString() {
        throw new UnsupportedOperationException();
    }

    public long getDuration() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public boolean hasCustomDisplayName() {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException();
    }

    public final @CheckForNull RunT getPreviousCompletedBuild() {
        throw new UnsupportedOperationException();
    }

    public final @CheckForNull RunT getPreviousBuildInProgress() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getPreviousBuiltBuild() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getPreviousNotFailedBuild() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getPreviousFailedBuild() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getPreviousSuccessfulBuild() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull RunT getNextBuild() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    public final @NonNull String getAbsoluteUrl() {
        throw new UnsupportedOperationException();
    }

    public final String getSearchUrl() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    public @NonNull File getLogFile() {
        throw new UnsupportedOperationException();
    }

    public @NonNull InputStream getLogInputStream() throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull Reader getLogReader() throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull AnnotatedLargeText getLogText() {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull ACL getACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    public @NonNull String getLog() throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull List<String> getLog(int maxLines) throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    public static @CheckForNull Run<?, ?> fromExternalizableId(String id)
            throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    public long getEstimatedDuration() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
