package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.Alert;
import io.causeflow.client.Severity;
import java.time.Instant;

/**
 * The alert of the "Send test alert" button: severity INFO, a title and tag that say it is a test, and a unique
 * sourceAlertId so every click reaches CauseFlow instead of being answered as a duplicate.
 */
public final class TestAlert {
    /** The tag that marks test alerts ({@code test=true}). */
    public static final String TEST_TAG = "test";

    private TestAlert() {
    }

    /**
     * Creates the test alert.
     *
     * @param controllerId the controller's identity
     * @param now          the time of the click
     * @return the alert
     */
    public static Alert create(final String controllerId, final Instant now) {
        return Alert.builder()
                .title(PluginTexts.format("testAlert.title", controllerId))
                .description(PluginTexts.format("testAlert.description", controllerId, now.toString()))
                .severity(Severity.INFO)
                .sourceAlertId("jenkins-test-" + controllerId + "-" + now.toEpochMilli())
                .tag(TEST_TAG, "true")
                .tag("ci", "jenkins")
                .tag("controller", controllerId)
                .build();
    }
}
