package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Optional;

/**
 * One failed test case.
 *
 * @param className       the test class (empty when the report has none)
 * @param name            the test name
 * @param errorMessage    the failure message, bounded to {@link SnapshotLimits#MAX_ERROR_CHARS}
 * @param enclosingStages the Pipeline stages and branches the test ran in, outermost first (junit's
 *                        {@code CaseResult.getEnclosingFlowNodeNames()} is innermost first; the plugin reverses it)
 */
public record FailedTest(String className, String name, Optional<String> errorMessage, List<String> enclosingStages) {
    /** Bounds the values. */
    public FailedTest {
        className = className == null ? "" : Texts.truncate(className.strip(), SnapshotLimits.MAX_NAME_CHARS);
        name = Texts.required(name, "failed test name", SnapshotLimits.MAX_NAME_CHARS);
        errorMessage = Texts.bounded(errorMessage, SnapshotLimits.MAX_ERROR_CHARS);
        enclosingStages = Texts.boundedList(enclosingStages, SnapshotLimits.MAX_PATH_DEPTH,
                SnapshotLimits.MAX_NAME_CHARS);
    }

    /**
     * Creates a failed test, accepting nulls from the edge.
     *
     * @param className       class name or null
     * @param name            test name
     * @param errorMessage    message or null
     * @param enclosingStages stages, outermost first
     * @return the value
     */
    public static FailedTest of(@CheckForNull final String className, final String name,
            @CheckForNull final String errorMessage, final List<String> enclosingStages) {
        return new FailedTest(className, name, Optional.ofNullable(errorMessage), enclosingStages);
    }

    /**
     * Returns {@code className.name}, or just the name when there is no class.
     *
     * @return the full name
     */
    public String fullName() {
        return className.isEmpty() ? name : className + "." + name;
    }
}
