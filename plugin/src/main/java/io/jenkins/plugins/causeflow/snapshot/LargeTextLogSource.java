package io.jenkins.plugins.causeflow.snapshot;

import hudson.console.AnnotatedLargeText;
import io.causeflow.client.failure.LogSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A Jenkins log ({@code Run.getLogText()} or a step's {@code LogAction}) as a {@link LogSource}. Reads only from the
 * requested byte offset to the end, through {@code AnnotatedLargeText.writeLogTo}, which also strips console notes;
 * the excerpt reader asks for a bounded window, so a huge log costs one bounded read and never a whole-log copy.
 */
final class LargeTextLogSource implements LogSource {
    private final AnnotatedLargeText<?> text;

    LargeTextLogSource(final AnnotatedLargeText<?> text) {
        this.text = text;
    }

    @Override
    public long length() {
        return text.length();
    }

    @Override
    public InputStream openFrom(final long offset) throws IOException {
        ByteArrayOutputStream window = new ByteArrayOutputStream();
        long ignored = text.writeLogTo(offset, window);
        return new ByteArrayInputStream(window.toByteArray());
    }
}
