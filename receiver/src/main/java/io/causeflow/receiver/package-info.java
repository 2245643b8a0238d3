/**
 * Public in-process API of the reference receiver: {@link io.causeflow.receiver.ReceiverServer} built from a {@link io.causeflow.receiver.ReceiverConfig}.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
