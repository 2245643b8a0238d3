/**
 * Durable SQLite store through plain JDBC: versioned schema, incidents, append-only event log, group commit.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.store;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
