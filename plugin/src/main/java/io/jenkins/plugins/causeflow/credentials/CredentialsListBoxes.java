package io.jenkins.plugins.causeflow.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
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
        model.includeEmptyValue();
        if (item == null) {
            // Global settings are used by builds, which never see SYSTEM-scoped credentials: list what they see.
            model.includeMatchingAs(ACL.SYSTEM2, JenkinsFacade.jenkins(), StringCredentials.class, List.of(),
                    USABLE_BY_BUILDS);
        } else {
            // A job's credentials are resolved with the job's authentication (Authorize Project and the like).
            model.includeMatchingAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                    item, StringCredentials.class, List.of(), USABLE_BY_BUILDS);
        }
        return model.includeCurrentValue(value);
    }

    /**
     * Whether a credential can be resolved by a build: SYSTEM-scoped ones are for Jenkins itself (agents, clouds)
     * and never reach a build.
     *
     * @param scope the credential's scope
     * @return false for SYSTEM
     */
    public static boolean usableByBuilds(@CheckForNull final CredentialsScope scope) {
        return scope != CredentialsScope.SYSTEM;
    }

    private static final CredentialsMatcher USABLE_BY_BUILDS =
            CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));

    /**
     * Refuses (HTTP 403) a user who may not even read the context's configuration: the form helpers (fill, check,
     * test) are for the people who see the form, read-only views included (Overall/SystemRead globally,
     * Job/ExtendedRead in a job). What they may see beyond that is decided by {@link #mayConfigure(Item)}.
     *
     * @param item the job, or {@code null} for the global configuration
     * @throws org.springframework.security.access.AccessDeniedException without that permission
     */
    public static void checkMayView(@CheckForNull final Item item) {
        if (item == null) {
            JenkinsFacade.checkPermission(Jenkins.SYSTEM_READ);
        } else {
            item.checkPermission(Item.EXTENDED_READ);
        }
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
