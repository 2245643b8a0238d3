/**
 * The global configuration ({@code unclassified.causeflow} in JCasC) and its form validation.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.config;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
