package io.jenkins.plugins.causeflow.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import io.jenkins.plugins.causeflow.delivery.CredentialLookup;
import io.jenkins.plugins.causeflow.delivery.SecretLookup;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves Secret text credentials for one build with {@code CredentialsProvider.findCredentialById}, which honours
 * folder credentials, {@code ${PARAM}} credential parameters and the build's authentication, and records the use
 * ({@code track}) so the credential's fingerprint lists the build.
 */
public final class RunCredentialLookup implements CredentialLookup {
    private final Run<?, ?> run;

    /**
     * Creates the lookup for a build.
     *
     * @param run the build being alerted about
     */
    public RunCredentialLookup(final Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public SecretLookup find(final String credentialsId) {
        StringCredentials credential = CredentialsProvider.findCredentialById(credentialsId,
                StringCredentials.class, run, List.of());
        if (credential != null) {
            CredentialsProvider.track(run, credential);
            return SecretLookup.found(credentialsId, credential.getSecret().getPlainText());
        }
        IdCredentials other = CredentialsProvider.findCredentialById(credentialsId, IdCredentials.class, run,
                List.of());
        return other == null ? SecretLookup.missing(credentialsId)
                : SecretLookup.wrongType(credentialsId, CredentialTypes.describe(other));
    }
}
