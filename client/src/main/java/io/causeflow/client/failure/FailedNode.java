package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A failed Pipeline stage or parallel branch.
 *
 * @param name          the stage or branch name
 * @param kind          stage or parallel branch
 * @param enclosingPath names of the enclosing stages and branches, outermost first (empty at top level)
 * @param errorMessage  the error that failed it, bounded to {@link SnapshotLimits#MAX_ERROR_CHARS}
 * @param stepFunction  the function name of the failing step, e.g. {@code sh}
 */
public record FailedNode(String name, Kind kind, List<String> enclosingPath, Optional<String> errorMessage,
        Optional<String> stepFunction) {
    /** Bounds the values. */
    public FailedNode {
        name = Texts.required(name, "failed node name", SnapshotLimits.MAX_NAME_CHARS);
        enclosingPath = Texts.boundedList(enclosingPath, SnapshotLimits.MAX_PATH_DEPTH, SnapshotLimits.MAX_NAME_CHARS);
        errorMessage = Texts.bounded(errorMessage, SnapshotLimits.MAX_ERROR_CHARS);
        stepFunction = Texts.bounded(stepFunction, SnapshotLimits.MAX_NAME_CHARS);
    }

    /**
     * Creates a failed stage.
     *
     * @param name          stage name
     * @param enclosingPath enclosing names, outermost first
     * @param errorMessage  error or null
     * @param stepFunction  failing step's function name or null
     * @return the value
     */
    public static FailedNode stage(final String name, final List<String> enclosingPath,
            @CheckForNull final String errorMessage, @CheckForNull final String stepFunction) {
        return new FailedNode(name, Kind.STAGE, enclosingPath, Optional.ofNullable(errorMessage),
                Optional.ofNullable(stepFunction));
    }

    /**
     * Creates a failed parallel branch.
     *
     * @param name          branch name
     * @param enclosingPath enclosing names, outermost first
     * @param errorMessage  error or null
     * @param stepFunction  failing step's function name or null
     * @return the value
     */
    public static FailedNode branch(final String name, final List<String> enclosingPath,
            @CheckForNull final String errorMessage, @CheckForNull final String stepFunction) {
        return new FailedNode(name, Kind.BRANCH, enclosingPath, Optional.ofNullable(errorMessage),
                Optional.ofNullable(stepFunction));
    }

    /**
     * Returns the path including this node, e.g. {@code Test > linux}.
     *
     * @return the readable path
     */
    public String displayPath() {
        return enclosingPath.isEmpty() ? name : String.join(" > ", enclosingPath) + " > " + name;
    }

    /** Whether the node is a stage or a parallel branch. */
    public enum Kind {
        STAGE,
        BRANCH;

        /**
         * Returns the lowercase word for texts and metadata.
         *
         * @return {@code stage} or {@code branch}
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
