package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

/** A file or directory on the controller or an agent. */
public final class FilePath implements Serializable {
    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException();
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getRemote() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException();
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }
}
