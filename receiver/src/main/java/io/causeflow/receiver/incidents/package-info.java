/**
 * Actions on incidents that more than one door uses (the JSON API and the dashboard), so each has one code path.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.incidents;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
