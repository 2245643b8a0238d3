package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.pipeline.CauseFlowAlertStep;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every form handler ({@code doFill…}, {@code doCheck…}, {@code doTest…}) of the plugin, found by reflection so a new
 * one cannot be forgotten: refuses GET (404: Stapler does not dispatch GET to a {@code @POST} method) and refuses
 * a user without the permission to read the form (403). Only
 * the lists of non-sensitive values (severity, dedup scope, threshold) answer everyone who may read. One Jenkins for
 * the class: no test changes its state.
 */
@WithJenkins
class FormHandlersITest {
    private static final String JOB = "form-handlers";
    private static final List<String> PUBLIC_LISTS = List.of("fillSeverityItems", "fillDedupScopeItems",
            "fillThresholdItems");
    private static JenkinsRule j;

    @BeforeAll
    static void startJenkins(final JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        j.createFreeStyleProject(JOB);
    }

    @Test
    void shouldRefuseGetOnEveryHandler() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String url : handlerUrls()) {
            answers.add(url + " -> " + status("admin", url, HttpMethod.GET));
        }

        // Stapler does not dispatch a GET to a @POST method at all: the handler does not exist for GET (404).
        assertThat(answers).isNotEmpty().allMatch(answer -> answer.endsWith(" -> 404") || answer.endsWith(" -> 405"));
    }

    @Test
    void shouldRefuseAUserWhoMayNotReadTheForm() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String url : handlerUrls()) {
            if (PUBLIC_LISTS.stream().noneMatch(url::endsWith)) {
                answers.add(url + " -> " + status("reader", url, HttpMethod.POST));
            }
        }

        assertThat(answers).hasSizeGreaterThan(15).allMatch(answer -> answer.endsWith(" -> 403"));
    }

    @Test
    void shouldAnswerTheAdministratorOnEveryHandler() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String url : handlerUrls()) {
            if (!url.endsWith("/testAlert")) { // tested elsewhere: it sends
                answers.add(url + " -> " + status("admin", url, HttpMethod.POST));
            }
        }

        assertThat(answers).isNotEmpty().allMatch(answer -> answer.endsWith(" -> 200"));
    }

    @Test
    void shouldListNonSensitiveValuesToAReader() throws Exception {
        for (String url : handlerUrls()) {
            if (PUBLIC_LISTS.stream().anyMatch(url::endsWith)) {
                assertThat(status("reader", url, HttpMethod.POST)).as(url).isEqualTo(200);
            }
        }
    }

    private static List<String> handlerUrls() {
        List<String> urls = new ArrayList<>();
        addHandlers(urls, "descriptorByName/" + CauseFlowGlobalConfiguration.class.getName() + "/",
                CauseFlowGlobalConfiguration.class);
        addHandlers(urls, "job/" + JOB + "/descriptorByName/" + CauseFlowNotifier.class.getName() + "/",
                CauseFlowNotifier.DescriptorImpl.class);
        addHandlers(urls, "job/" + JOB + "/descriptorByName/" + CauseFlowAlertStep.class.getName() + "/",
                CauseFlowAlertStep.DescriptorImpl.class);
        return urls;
    }

    private static void addHandlers(final List<String> urls, final String prefix, final Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            String name = method.getName();
            if (name.matches("do(Fill|Check|Test)\\w+")) {
                urls.add(prefix + Character.toLowerCase(name.charAt(2)) + name.substring(3));
            }
        }
    }

    private static int status(final String user, final String url, final HttpMethod method) throws Exception {
        // An API token instead of the login form: no page with scripts per request, and no crumb needed. Each web
        // client is closed: an open one keeps its JavaScript engine and threads, and this test makes ~80 of them.
        try (JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)
                .withBasicApiToken(user)) {
            web.getOptions().setJavaScriptEnabled(false);
            WebResponse response = web.loadWebResponse(new WebRequest(new URL(j.getURL(), url), method));
            return response.getStatusCode();
        }
    }

    @Test
    void shouldFindTheHandlersOfAllThreeDescriptors() {
        assertThat(handlerUrls()).extracting(url -> url.toLowerCase(Locale.ROOT))
                .anyMatch(url -> url.contains("causeflowglobalconfiguration/testalert"))
                .anyMatch(url -> url.contains("causeflownotifier/fillapikeycredentialsiditems"))
                .anyMatch(url -> url.contains("causeflowalertstep/checkendpointurl"));
    }
}
