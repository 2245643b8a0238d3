package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.listener.AutomaticAlertListener;
import io.jenkins.plugins.causeflow.outbox.PluginOutbox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 11's figure "delay a failing build's completion gains from the plugin when CauseFlow is down" (goal: p99 ≤
 * 20 ms), measured in a real Jenkins: the automatic-alert listener's own time in {@code onCompleted} for failed builds
 * while the endpoint is a closed loopback port. Each call reads the build, builds the alert, and enqueues it in the
 * real outbox under {@code $JENKINS_HOME} (fsync on) — the whole of what the build waits for.
 *
 * <p>Not a test (no timing is asserted): run by {@code mvn -B -pl plugin -am -Pbench verify -DskipTests
 * -DskipITs=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false} (see {@code docs/plugin.md} §12); writes
 * {@code plugin/target/bench/listener-time.txt}. {@code -Dbench.builds=N} sets the number of builds (default 300).
 */
@WithJenkins
class ListenerTimeBench {
    @Test
    void measureTheAutomaticListenersTimeWhileCauseFlowIsDown(final JenkinsRule j) throws Exception {
        int builds = Integer.getInteger("bench.builds", 300);
        int warmUp = Math.max(20, builds / 10);
        try (LoopbackReceiver down = LoopbackReceiver.start()) {
            TestSetup.configure(down); // then closed: nothing listens on the endpoint's port
        }
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setAutomaticAlerts(false); // Jenkins' own completion must not enqueue: the bench calls the listener
        FreeStyleProject project = j.createFreeStyleProject("bench-failing");
        project.getBuildersList().add(new FailureBuilder());
        List<FreeStyleBuild> runs = new ArrayList<>();
        for (int i = 0; i < warmUp + builds; i++) {
            runs.add(j.buildAndAssertStatus(Result.FAILURE, project));
        }
        config.setAutomaticAlerts(true);
        AutomaticAlertListener listener = ExtensionList.lookupSingleton(AutomaticAlertListener.class);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TaskListener taskListener = new StreamTaskListener(log, StandardCharsets.UTF_8);

        long[] nanos = new long[builds];
        for (int i = 0; i < runs.size(); i++) {
            long start = System.nanoTime();
            listener.onCompleted(runs.get(i), taskListener);
            long took = System.nanoTime() - start;
            if (i >= warmUp) {
                nanos[i - warmUp] = took;
            }
        }

        // The figure only counts if every call really queued its alert.
        assertThat(PluginOutbox.get().orElseThrow().pending()).hasSize(runs.size());
        assertThat(runs).allSatisfy(run -> assertThat(run.getAction(CauseFlowAction.class).getStatus())
                .isEqualTo("QUEUED"));
        Arrays.sort(nanos);
        String figure = String.format(Locale.ROOT,
                "automatic listener onCompleted, CauseFlow down, outbox fsync on: n=%d p50 %.2f ms p90 %.2f ms"
                        + " p99 %.2f ms max %.2f ms (%d cores, load average %.2f)%n",
                builds, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[builds - 1] / 1e6,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(figure);
        Path report = Path.of(System.getProperty("causeflow.basedir", "."), "target", "bench", "listener-time.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figure, StandardCharsets.UTF_8);
    }

    private static double ms(final long[] sorted, final double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
