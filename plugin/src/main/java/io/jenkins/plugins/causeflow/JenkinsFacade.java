package io.jenkins.plugins.causeflow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.security.Permission;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;

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
     * Returns the root of the item tree, for lookups that take an {@code ItemGroup} (e.g. credentials of the root).
     *
     * @return Jenkins
     */
    public static Jenkins jenkins() {
        return Jenkins.get();
    }

    /**
     * Returns the configured root URL of this controller (Manage Jenkins > System > Jenkins URL). Not the URL of the
     * current request: alerts are built on executor threads too, and must not differ by where a button was clicked.
     *
     * @return the URL, e.g. {@code https://ci.example.com/}, if configured
     */
    public static Optional<String> rootUrl() {
        return Optional.ofNullable(JenkinsLocationConfiguration.get().getUrl()).filter(url -> !url.isBlank());
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

    /** The client of the proxy configuration it was built for. */
    private record ProxiedClient(@CheckForNull ProxyConfiguration proxy, HttpClient client) {
    }

    /** One client for every send: each HttpClient owns a selector thread and a connection pool. */
    private static volatile ProxiedClient shared;

    /**
     * Returns the HTTP client that applies Jenkins' proxy, its no-proxy list and proxy authentication. One client is
     * reused; saving the proxy settings replaces Jenkins' {@code ProxyConfiguration} object, and the next call then
     * builds a new client for it.
     *
     * @return the client for the current proxy configuration
     */
    public static HttpClient httpClient() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        ProxiedClient current = shared;
        if (current == null || current.proxy() != proxy) {
            synchronized (JenkinsFacade.class) {
                current = shared;
                if (current == null || current.proxy() != proxy) {
                    current = new ProxiedClient(proxy, ProxyConfiguration.newHttpClientBuilder().build());
                    shared = current;
                }
            }
        }
        return current.client();
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
