package io.jenkins.plugins.causeflow;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import java.io.IOException;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Points a test Jenkins at a {@link LoopbackReceiver}: two Secret text credentials and the global settings. */
final class TestSetup {
    static final String API_KEY_ID = "cf-api-key";
    static final String WEBHOOK_SECRET_ID = "cf-webhook-secret";

    private TestSetup() {
    }

    static void configure(final LoopbackReceiver receiver) throws IOException {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, API_KEY_ID,
                "CauseFlow API key", Secret.fromString(LoopbackReceiver.API_KEY)));
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, WEBHOOK_SECRET_ID,
                "CauseFlow webhook secret", Secret.fromString(LoopbackReceiver.WEBHOOK_SECRET)));
        credentials.save();
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setEndpointUrl(receiver.baseUrl());
        config.setTenantId(LoopbackReceiver.TENANT);
        config.setApiKeyCredentialsId(API_KEY_ID);
        config.setWebhookSecretCredentialsId(WEBHOOK_SECRET_ID);
        config.setMaxAttempts(1);
        config.setTotalBudgetSeconds(10);
    }
}
