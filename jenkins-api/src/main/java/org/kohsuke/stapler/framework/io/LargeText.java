package org.kohsuke.stapler.framework.io;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;

/** A growing text file (a build log) read by byte offset. */
public class LargeText {
    public LargeText(File file, boolean completed) {
        throw new UnsupportedOperationException();
    }

    public void markAsComplete() {
        throw new UnsupportedOperationException();
    }

    public boolean isComplete() {
        throw new UnsupportedOperationException();
    }

    public long length() {
        throw new UnsupportedOperationException();
    }

    public Reader readAll() throws IOException {
        throw new UnsupportedOperationException();
    }

    public long writeLogTo(long start, Writer w) throws IOException {
        throw new UnsupportedOperationException();
    }

    public long writeLogTo(long start, OutputStream out) throws IOException {
        throw new UnsupportedOperationException();
    }
}
