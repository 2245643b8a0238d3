package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** A Pipeline step, configured by data binding; {@link #start} runs it. */
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public Step() {
        throw new UnsupportedOperationException();
    }

    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
