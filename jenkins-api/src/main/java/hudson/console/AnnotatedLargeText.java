package hudson.console;

import edu.umd.cs.findbugs.annotations.CheckReturnValue;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.kohsuke.stapler.framework.io.LargeText;

/** A log with console notes; {@link #writeLogTo(long, OutputStream)} strips them. */
public class AnnotatedLargeText<T> extends LargeText {
    private AnnotatedLargeText() {
        super((File) null, false);
        throw new UnsupportedOperationException();
    }

    @Override
    public long writeLogTo(long start, Writer w) throws IOException {
        throw new UnsupportedOperationException();
    }

    @CheckReturnValue
    @Override
    public long writeLogTo(long start, OutputStream out) throws IOException {
        throw new UnsupportedOperationException();
    }

    @CheckReturnValue
    public long writeRawLogTo(long start, OutputStream out) throws IOException {
        throw new UnsupportedOperationException();
    }
}
