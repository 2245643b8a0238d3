package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import com.google.common.util.concurrent.FutureCallback;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/** What a running step can reach ({@code Run}, {@code TaskListener}, ...) and how it completes. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private StepContext() {
        throw new UnsupportedOperationException();
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@CheckForNull Object result);

    public abstract boolean isReady();

    public abstract void setResult(Result r);

    public boolean hasBody() {
        throw new UnsupportedOperationException();
    }
}
