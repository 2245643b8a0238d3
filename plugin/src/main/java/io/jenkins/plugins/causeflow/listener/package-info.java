/**
 * Automatic alerts for completed builds, without touching a Jenkinsfile.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.listener;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
