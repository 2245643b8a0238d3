/**
 * Webhook ingestion: credential and signature checks, alert validation and the ingest service.
 */
@DefaultAnnotation(NonNull.class)
package io.causeflow.receiver.ingest;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
