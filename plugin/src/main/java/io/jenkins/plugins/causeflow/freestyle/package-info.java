/**
 * The freestyle post-build action ({@code causeflowNotifier}).
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.freestyle;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
