/**
 * Command line of the runnable jar: flags, environment variables, config files and demo mode.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.cli;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
