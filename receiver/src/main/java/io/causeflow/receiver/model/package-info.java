/**
 * Plain values shared by the receiver's packages: tenants, incidents, stored events, identifiers.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.model;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
