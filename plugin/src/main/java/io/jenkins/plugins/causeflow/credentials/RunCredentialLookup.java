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
    private final boolean track;

    /**
     * Creates the lookup for a build, recording each use.
     *
     * @param run the build being alerted about
     */
    public RunCredentialLookup(final Run<?, ?> run) {
        this(run, true);
    }

    private RunCredentialLookup(final Run<?, ?> run, final boolean track) {
        this.run = run;
        this.track = track;
    }

    /**
     * A lookup that only checks the credentials resolve, without recording a use: for an alert that is queued,
     * whose secrets the outbox's sender looks up (and records) when it sends. Recording writes the credential's
     * fingerprint file with an fsync; done twice on the thread that completes the build, it was half of the delay a
     * queued alert adds to a failing build.
     *
     * @param run the build being alerted about
     * @return the lookup
     */
    public static RunCredentialLookup withoutTracking(final Run<?, ?> run) {
        return new RunCredentialLookup(run, false);
    }

    @Override
    public SecretLookup find(final String credentialsId) {
        StringCredentials credential = CredentialsProvider.findCredentialById(credentialsId,
                StringCredentials.class, run, List.of());
        if (credential != null) {
            if (track) {
                CredentialsProvider.track(run, credential);
            }
            return SecretLookup.found(credentialsId, credential.getSecret().getPlainText());
        }
        IdCredentials other = CredentialsProvider.findCredentialById(credentialsId, IdCredentials.class, run,
                List.of());
        return other == null ? SecretLookup.missing(credentialsId)
                : SecretLookup.wrongType(credentialsId, CredentialTypes.describe(other));
    }
}
