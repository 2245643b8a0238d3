/**
 * The {@code causeflowAlert} Pipeline step.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.pipeline;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
