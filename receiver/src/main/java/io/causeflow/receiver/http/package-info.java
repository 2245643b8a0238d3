/**
 * HTTP edge: the route table, small handlers and the one error mapper. Handlers parse, call a service and map to a status.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.http;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
