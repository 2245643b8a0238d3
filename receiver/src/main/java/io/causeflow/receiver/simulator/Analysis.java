package io.causeflow.receiver.simulator;

import java.util.List;

/**
 * What the simulated investigation concludes.
 *
 * @param rootCause          one line taken from the alert
 * @param confidence         0..1
 * @param recommendedActions actions for {@code investigation.completed}
 * @param remediationTitle   title for {@code remediation.proposed}
 * @param remediationSteps   steps for {@code remediation.proposed}
 */
public record Analysis(String rootCause, double confidence, List<String> recommendedActions, String remediationTitle,
                       List<String> remediationSteps) {
    /** Copies. */
    public Analysis {
        recommendedActions = List.copyOf(recommendedActions);
        remediationSteps = List.copyOf(remediationSteps);
    }
}
