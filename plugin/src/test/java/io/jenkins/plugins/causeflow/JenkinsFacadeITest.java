package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Tests the class {@link JenkinsFacade} in a real Jenkins. */
@WithJenkins
class JenkinsFacadeITest {
    private JenkinsRule j;

    @BeforeEach
    void resolve(final JenkinsRule rule) {
        j = rule;
    }

    @Test
    void shouldReuseOneHttpClientUntilTheProxySettingsChange() {
        HttpClient first = JenkinsFacade.httpClient();

        assertThat(JenkinsFacade.httpClient()).isSameAs(first);
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", 3128));
        HttpClient proxied = JenkinsFacade.httpClient();

        assertThat(proxied).isNotSameAs(first);
        assertThat(proxied.proxy()).isPresent();
        assertThat(JenkinsFacade.httpClient()).isSameAs(proxied);
    }

    @Test
    void shouldNotOfferARootUrlWhenNoneIsConfigured() {
        jenkins.model.JenkinsLocationConfiguration.get().setUrl(null);

        assertThat(JenkinsFacade.rootUrl()).isEmpty();
    }
}
