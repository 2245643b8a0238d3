package io.jenkins.plugins.causeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Installing the built {@code causeflow.hpi} with the kit's plugins into a fresh Jenkins, as a user would.
 */
@Order(1)
@ExtendWith(EndToEndEnvironment.class)
class PluginsITest {

    @Test
    void shouldLoadAndActivateEveryInstalledPluginIncludingOurs(EndToEndEnvironment.Suite suite) {
        Map<String, Boolean> loaded = new InstalledPlugins(suite.client).activeByShortName();

        assertThat(loaded).as("plugins Jenkins loaded; see %s", suite.jenkins.currentLogFile())
                .containsKeys(suite.jenkins.home().installedPlugins().toArray(String[]::new))
                .containsKey(JenkinsHome.OUR_PLUGIN);
        assertThat(loaded).allSatisfy((name, active) -> assertThat(active).as("%s active", name).isTrue());
    }

    @Test
    void shouldStartWithoutSevereOrWarningFromOurPlugin(EndToEndEnvironment.Suite suite) {
        assertThat(JenkinsLog.problemsAbout(suite.jenkins.log(), "causeflow"))
                .as("SEVERE/WARNING lines about CauseFlow in %s", suite.jenkins.currentLogFile())
                .isEmpty();
    }
}
