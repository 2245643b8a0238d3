package io.jenkins.plugins.causeflow.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials drop-downs of the global configuration, the step and the notifier: Secret text credentials only.
 * Users who may not configure the context (ADMINISTER globally, Item.CONFIGURE for a job) see only the current value,
 * so the list never discloses which credentials exist.
 */
public final class CredentialsListBoxes {
    private CredentialsListBoxes() {
    }

    /**
     * Lists Secret text credentials for a context.
     *
     * @param item    the job, or {@code null} for the global configuration
     * @param current the current value of the field
     * @return the choices
     */
    public static ListBoxModel secretTextChoices(@CheckForNull final Item item, @CheckForNull final String current) {
        String value = current == null ? "" : current.strip();
        StandardListBoxModel model = new StandardListBoxModel();
        boolean mayList = item == null
                ? JenkinsFacade.hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.CONFIGURE);
        if (!mayList) {
            model.includeCurrentValue(value);
            return model;
        }
        model.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, item, StringCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(value);
        return model;
    }

    /**
     * Returns whether the current user may use a context's form helpers (fill, check, test).
     *
     * @param item the job, or {@code null} for the global configuration
     * @return true with ADMINISTER globally or Item.CONFIGURE on the job
     */
    public static boolean mayConfigure(@CheckForNull final Item item) {
        return item == null ? JenkinsFacade.hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }
}
