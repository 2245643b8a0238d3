/** Tests of the built .hpi and of the plugin's views (build foundation, issue 2). */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.packaging;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
