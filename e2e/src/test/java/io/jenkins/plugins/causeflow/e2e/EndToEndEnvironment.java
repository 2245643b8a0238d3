package io.jenkins.plugins.causeflow.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One receiver and one Jenkins for the whole suite (a Jenkins start costs seconds): created by the first test class
 * that asks for it, kept in the root store, stopped when the suite ends. Test classes isolate by job names.
 */
final class EndToEndEnvironment implements ParameterResolver {

    /** What the tests get. */
    static final class Suite implements AutoCloseable {
        final E2eSettings settings;
        final ReceiverTenant tenant;
        final ReceiverProcess receiver;
        final JenkinsController jenkins;
        final JenkinsClient client;
        final Chromium chromium;

        private Suite(E2eSettings settings) {
            this.settings = settings;
            this.tenant = ReceiverTenant.random();
            Path work = settings.workDirectory();
            this.receiver = ReceiverProcess.start(settings.receiverJar(), work.resolve("receiver"), tenant);
            int port = ChildProcess.freeLoopbackPort();
            String jenkinsUrl = JenkinsController.url(port);
            JenkinsHome home = JenkinsHome.create(work.resolve("jenkins-home"), settings.pluginsDirectory(), true,
                    CascYaml.withCauseFlow(jenkinsUrl, receiver.baseUrl(), tenant.tenantId()));
            this.jenkins = JenkinsController.prepare(settings.jenkinsWar(), home, port, tenant.jenkinsEnvironment());
            try {
                jenkins.start();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            this.client = new JenkinsClient(jenkinsUrl);
            this.chromium = new Chromium(settings.chromium(), work.resolve("chromium"), settings.screenshotsDirectory());
        }

        @Override
        public void close() {
            jenkins.close();
            receiver.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(EndToEndEnvironment.class))
                .getOrComputeIfAbsent(Suite.class, key -> new Suite(E2eSettings.fromSystemProperties()), Suite.class);
    }
}
