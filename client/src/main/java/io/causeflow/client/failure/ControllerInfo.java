package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Optional;

/**
 * Which CI controller ran the build. The id goes into the {@code sourceAlertId}, so two controllers never collide;
 * for Jenkins it is the instance identity (or a configured name), for the command line whatever the caller names.
 *
 * @param id          stable identity of the controller, e.g. {@code jenkins-prod}
 * @param displayName human name, e.g. {@code Jenkins (prod)}
 * @param url         root URL, when known
 * @param system      the CI system, sent as the {@code ci} tag: {@code jenkins} for the plugin
 */
public record ControllerInfo(String id, String displayName, Optional<String> url, String system) {
    /** The CI system name the plugin uses. */
    public static final String JENKINS = "jenkins";

    /** Validates and bounds the values. */
    public ControllerInfo {
        id = Texts.required(id, "controller id", SnapshotLimits.MAX_NAME_CHARS);
        displayName = displayName == null || displayName.isBlank()
                ? id : Texts.truncate(displayName.strip(), SnapshotLimits.MAX_NAME_CHARS);
        url = Texts.bounded(url, SnapshotLimits.MAX_NAME_CHARS);
        system = Texts.required(system, "controller system", 64);
    }

    /**
     * Creates the info of a Jenkins controller.
     *
     * @param id          stable identity
     * @param displayName human name (null or blank means the id)
     * @param url         root URL or null
     * @return the value
     */
    public static ControllerInfo jenkins(final String id, @CheckForNull final String displayName,
            @CheckForNull final String url) {
        return new ControllerInfo(id, displayName == null ? id : displayName, Optional.ofNullable(url), JENKINS);
    }

    /**
     * Creates the info of any CI system's controller.
     *
     * @param system      the CI system, e.g. {@code github-actions}
     * @param id          stable identity
     * @param displayName human name (null or blank means the id)
     * @param url         root URL or null
     * @return the value
     */
    public static ControllerInfo of(final String system, final String id, @CheckForNull final String displayName,
            @CheckForNull final String url) {
        return new ControllerInfo(id, displayName == null ? id : displayName, Optional.ofNullable(url), system);
    }
}
