package io.jenkins.plugins.causeflow.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.security.ACL;
import io.jenkins.plugins.causeflow.delivery.CredentialLookup;
import io.jenkins.plugins.causeflow.delivery.SecretLookup;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves Secret text credentials from the global (root) credential stores as the system. Used only by the
 * administrator's "Send test alert" button, which has no build to resolve against.
 */
public final class SystemCredentialLookup implements CredentialLookup {
    @Override
    public SecretLookup find(final String credentialsId) {
        StringCredentials credential = CredentialsProvider.findCredentialByIdInItem(credentialsId,
                StringCredentials.class, null, ACL.SYSTEM2, List.of());
        if (credential != null && !CredentialsListBoxes.usableByBuilds(credential.getScope())) {
            // What the test button proves must hold for builds, which cannot resolve SYSTEM-scoped credentials.
            return SecretLookup.missing(credentialsId);
        }
        if (credential != null) {
            return SecretLookup.found(credentialsId, credential.getSecret().getPlainText());
        }
        IdCredentials other = CredentialsProvider.findCredentialByIdInItem(credentialsId, IdCredentials.class, null,
                ACL.SYSTEM2, List.of());
        return other == null ? SecretLookup.missing(credentialsId)
                : SecretLookup.wrongType(credentialsId, CredentialTypes.describe(other));
    }
}
