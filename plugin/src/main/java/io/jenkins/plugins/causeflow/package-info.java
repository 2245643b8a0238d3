/**
 * The CauseFlow Jenkins plugin. This package holds the only door to {@code Jenkins.get()} ({@link
 * io.jenkins.plugins.causeflow.JenkinsFacade}) and the one code path from a build to a delivered alert ({@link
 * io.jenkins.plugins.causeflow.RunAlertDispatcher}), shared by the step, the notifier and the listener.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
