/**
 * Resolving Secret text credentials per build and listing them in drop-downs; the edge behind {@link io.jenkins.plugins.causeflow.delivery.CredentialLookup}.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.causeflow.credentials;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
