package io.jenkins.plugins.causeflow.outbox;

import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.causeflow.client.outbox.CredentialResolver;
import io.causeflow.client.outbox.CredentialUnavailableException;
import io.causeflow.client.outbox.OutboxEntry;
import io.jenkins.plugins.causeflow.credentials.RunCredentialLookup;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.delivery.SecretLookup;
import java.util.Optional;

/**
 * Resolves a queued alert's credentials at send time in the context of its build, exactly as a synchronous send
 * would ({@link RunCredentialLookup}: folder credentials, the build's authentication, usage tracking). The outbox
 * stores credential IDs only, never their values.
 */
final class RunCredentialResolver implements CredentialResolver {
    @Override
    public String resolve(final String credentialId, final OutboxEntry entry) throws CredentialUnavailableException {
        Run<?, ?> run = BuildLoader.load(entry).orElseThrow(() -> CredentialUnavailableException.permanently(
                entry.buildId() == null ? PluginTexts.format("outbox.noBuild")
                        : PluginTexts.format("outbox.buildGone", entry.buildId())));
        SecretLookup lookup = new RunCredentialLookup(run).find(credentialId);
        Optional<String> secret = lookup.secret();
        if (secret.isEmpty()) {
            // Permanent: the administrator re-creates the credential, then retries the dead entry.
            throw CredentialUnavailableException.permanently(
                    PluginTexts.format("outbox.credentialGone", credentialId, entry.buildId()));
        }
        return secret.get();
    }

    /** Loads the build an entry is about, as SYSTEM: the sender thread has no user, and READ checks would hide it. */
    static final class BuildLoader {
        private BuildLoader() {
        }

        static Optional<Run<?, ?>> load(final OutboxEntry entry) {
            String buildId = entry.buildId();
            if (buildId == null) {
                return Optional.empty();
            }
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                return Optional.ofNullable(Run.fromExternalizableId(buildId));
            }
            catch (IllegalArgumentException e) {
                return Optional.empty(); // not an externalizable id: no build to speak for
            }
        }
    }
}
