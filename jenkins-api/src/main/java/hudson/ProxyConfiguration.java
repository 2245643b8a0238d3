package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Describable;
import hudson.model.Saveable;
import hudson.util.Secret;
import java.io.IOException;
import java.io.Serializable;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Pattern;

/** The HTTP proxy configured in Jenkins. */
public final class ProxyConfiguration implements Describable<ProxyConfiguration>, Saveable, Serializable {
    public final String name;
    public final int port;
    public String noProxyHost;

    private ProxyConfiguration() {
        throw new UnsupportedOperationException();
    }

    public String getUserName() {
        throw new UnsupportedOperationException();
    }

    public Secret getSecretPassword() {
        throw new UnsupportedOperationException();
    }

    public int getPort() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public List<Pattern> getNoProxyHostPatterns() {
        throw new UnsupportedOperationException();
    }

    public String getNoProxyHost() {
        throw new UnsupportedOperationException();
    }

    public static List<Pattern> getNoProxyHostPatterns(String noProxyHost) {
        throw new UnsupportedOperationException();
    }

    public Proxy createProxy(@CheckForNull String host) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public static HttpClient newHttpClient() {
        throw new UnsupportedOperationException();
    }

    public static HttpClient.Builder newHttpClientBuilder() {
        throw new UnsupportedOperationException();
    }

    public static HttpRequest.Builder newHttpRequestBuilder(URI uri) {
        throw new UnsupportedOperationException();
    }
}
