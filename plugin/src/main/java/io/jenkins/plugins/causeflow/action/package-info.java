/**
 * The persisted build action that shows the outcome on the build page and in the REST API, and its view model.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.action;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
