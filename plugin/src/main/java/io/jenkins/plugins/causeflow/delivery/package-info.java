/**
 * The plugin's plain core: settings resolution ("explicit value, else global default", in one method), result
 * thresholds, credential resolution behind an interface, the one delivery entry point and the report of its outcome
 * (build-log line, step return value, build action data). No Jenkins type appears here (ArchUnit rule), so all of it
 * is tested with plain JUnit; the edge packages translate Jenkins objects into these values.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.delivery;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
