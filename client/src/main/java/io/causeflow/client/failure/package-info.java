/**
 * From a finished (or still running) CI build to an alert worth triaging: the plain-data {@link
 * io.causeflow.client.failure.BuildSnapshot}, the bounded {@link io.causeflow.client.failure.LogExcerptReader},
 * the failure-streak look-back, the severity/service/dedup {@link io.causeflow.client.failure.MappingRules} and
 * the {@link io.causeflow.client.failure.FailureAlertMapper}. No Jenkins type ever appears here: the plugin fills
 * the snapshot at its edge, the command line fills it from JUnit XML and a log file.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
