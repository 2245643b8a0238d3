package io.jenkins.plugins.causeflow;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import hudson.model.Run;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.outbox.PluginOutbox;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Points a test Jenkins at a {@link LoopbackReceiver}: two Secret text credentials and the global settings. */
final class TestSetup {
    static final String API_KEY_ID = "cf-api-key";
    static final String WEBHOOK_SECRET_ID = "cf-webhook-secret";

    private TestSetup() {
    }

    /** How long a queued alert may take to reach a running receiver on a loaded machine. */
    static final Duration DELIVERY_LIMIT = Duration.ofSeconds(60);

    /**
     * Waits until the outbox is empty and no given build's CauseFlow action says QUEUED any more: automatic alerts
     * and the freestyle action queue, and the background sender delivers them right after.
     */
    static void awaitOutboxDelivered(final Run<?, ?>... runs) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_LIMIT);
        while (!isSettled(runs)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("queued alerts not delivered within " + DELIVERY_LIMIT);
            }
            Thread.sleep(50);
        }
    }

    private static boolean isSettled(final Run<?, ?>... runs) {
        if (!PluginOutbox.get().orElseThrow().pending().isEmpty()) {
            return false;
        }
        for (Run<?, ?> run : runs) {
            CauseFlowAction action = run.getAction(CauseFlowAction.class);
            if (action != null && "QUEUED".equals(action.getStatus())) {
                return false;
            }
        }
        return true;
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
