/**
 * The {@code causeflow} command line (picocli): {@code send} and {@code stream}. The only package that
 * writes to a console.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.client.cli;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
