package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** An action stored with a flow node. */
public interface PersistentAction extends Action {
}
