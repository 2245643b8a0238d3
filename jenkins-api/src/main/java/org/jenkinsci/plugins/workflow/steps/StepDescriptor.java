package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.Set;

/** Descriptor of a {@link Step}: its function name and required context. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public StepDescriptor() {
        throw new UnsupportedOperationException();
    }

    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException();
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException();
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException();
    }

    public boolean isMetaStep() {
        throw new UnsupportedOperationException();
    }

    public static ExtensionList<StepDescriptor> all() {
        throw new UnsupportedOperationException();
    }

    public static @Nullable StepDescriptor byFunctionName(String name) {
        throw new UnsupportedOperationException();
    }
}
