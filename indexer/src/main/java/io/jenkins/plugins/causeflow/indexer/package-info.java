/** Annotation processor for {@code @Indexed} annotations (annotation-indexer's index format). */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.indexer;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
