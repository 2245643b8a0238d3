/**
 * Reading a {@code Run} into the plain {@link io.causeflow.client.failure.BuildSnapshot}; optional plugins (junit, workflow-api, display-url-api) are used only through small guarded classes.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.snapshot;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
