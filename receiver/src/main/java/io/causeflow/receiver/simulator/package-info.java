/**
 * Investigation simulator that turns each new incident into the protocol's event sequence.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.simulator;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
