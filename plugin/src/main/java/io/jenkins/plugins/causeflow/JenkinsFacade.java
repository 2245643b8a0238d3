package io.jenkins.plugins.causeflow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.security.Permission;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * The only class that calls {@code Jenkins.get()} (an ArchUnit rule keeps it that way): permissions, root URL,
 * controller identity, the proxy-aware HTTP client and whether an optional plugin is installed.
 */
public final class JenkinsFacade {
    private JenkinsFacade() {
    }

    /**
     * Returns whether the current user has a global permission.
     *
     * @param permission e.g. {@code Jenkins.ADMINISTER}
     * @return true when granted
     */
    public static boolean hasPermission(final Permission permission) {
        return Jenkins.get().hasPermission(permission);
    }

    /**
     * Checks a global permission.
     *
     * @param permission e.g. {@code Jenkins.ADMINISTER}
     * @throws org.springframework.security.access.AccessDeniedException when not granted
     */
    public static void checkPermission(final Permission permission) {
        Jenkins.get().checkPermission(permission);
    }

    /**
     * Returns the configured root URL of this controller.
     *
     * @return the URL, e.g. {@code https://ci.example.com/}, if configured
     */
    public static Optional<String> rootUrl() {
        return Optional.ofNullable(Jenkins.get().getRootUrl());
    }

    /**
     * Returns a stable, readable identity of this controller for sourceAlertIds: the host of the root URL when
     * configured, else a short form of the instance ID (stable across restarts).
     *
     * @return e.g. {@code ci.example.com} or {@code jenkins-1a2b3c4d}
     */
    public static String controllerId() {
        Optional<String> host = rootUrl().map(JenkinsFacade::host);
        if (host.isPresent() && !host.get().isEmpty()) {
            return host.get();
        }
        String instance = Jenkins.get().getLegacyInstanceId();
        return "jenkins-" + (instance.length() > 8 ? instance.substring(0, 8) : instance);
    }

    private static String host(final String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Returns an HTTP client that applies Jenkins' proxy, its no-proxy list and proxy authentication.
     *
     * @return a new client
     */
    public static HttpClient newHttpClient() {
        return ProxyConfiguration.newHttpClientBuilder().build();
    }

    /**
     * Returns whether an optional dependency's classes can be loaded, i.e. its plugin is installed and enabled. A
     * class check instead of the plugin manager, so callers can guard code that links against that plugin.
     *
     * @param className a class of the optional plugin
     * @return true when loadable through this plugin's class loader
     */
    public static boolean isClassAvailable(final String className) {
        try {
            Class.forName(className, false, JenkinsFacade.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Returns the URL of a path below the root URL.
     *
     * @param relative e.g. {@code job/app/42/}
     * @return the absolute URL when the root URL is configured
     */
    public static Optional<String> absoluteUrl(@CheckForNull final String relative) {
        if (relative == null) {
            return Optional.empty();
        }
        return rootUrl().map(root -> (root.endsWith("/") ? root : root + "/") + relative);
    }
}
