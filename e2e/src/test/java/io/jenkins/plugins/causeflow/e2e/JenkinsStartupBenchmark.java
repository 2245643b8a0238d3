package io.jenkins.plugins.causeflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What our plugin costs a controller, and how fast an alert arrives: {@code mvn -B -pl e2e -am verify -Pjenkins-bench
 * -DskipTests} (docs/plugin.md, "Figures"). Not a test: it measures and prints.
 *
 * <ul>
 *   <li>Start-up: the time from {@code java -jar jenkins.war} to "Jenkins is fully up and running" and a 200 on
 *       {@code /login}, on a home that has already been started once (plugins exploded), the median of
 *       {@code bench.starts} (5) starts each with and without our plugin, the same kit plugins otherwise.</li>
 *   <li>Heap: after each start, a full GC ({@code jcmd GC.run}), then the used heap ({@code jcmd GC.heap_info})
 *       and the process RSS ({@code /proc/PID/status}).</li>
 *   <li>Alert latency: {@code bench.builds} (5) failing freestyle builds with the post-build action, from the
 *       build's end (start + duration, controller clock) to the incident's creation time at the receiver (same
 *       machine, same clock).</li>
 * </ul>
 */
public final class JenkinsStartupBenchmark {
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private JenkinsStartupBenchmark() {
    }

    /** One start's figures. */
    record Start(Duration startup, long heapUsedKiB, long rssKiB) {
    }

    public static void main(String[] args) throws IOException {
        E2eSettings settings = E2eSettings.fromSystemProperties();
        int starts = Integer.getInteger("bench.starts", 5);
        int builds = Integer.getInteger("bench.builds", 5);
        Path work = settings.workDirectory().resolve("bench");
        ReceiverTenant tenant = ReceiverTenant.random();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Jenkins 2.541.3, %d kit plugins, %d CPU(s), %s%n",
                countHpi(settings.pluginsDirectory()), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version")));

        try (ReceiverProcess receiver = ReceiverProcess.start(settings.receiverJar(), work.resolve("receiver"), tenant)) {
            List<Start> without = measureStarts(settings, work.resolve("home-without"), false, receiver, tenant, starts);
            List<Start> with = measureStarts(settings, work.resolve("home-with"), true, receiver, tenant, starts);
            report.append(summary("without causeflow", without)).append(summary("with causeflow   ", with));
            report.append(latency(settings, work.resolve("home-latency"), receiver, tenant, builds));
        }
        System.out.println(report);
        Path out = work.resolve("jenkins-bench.txt");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println("written to " + out);
    }

    private static List<Start> measureStarts(E2eSettings settings, Path homeDirectory, boolean withCauseFlow,
                                             ReceiverProcess receiver, ReceiverTenant tenant, int starts) {
        int port = ChildProcess.freeLoopbackPort();
        String url = JenkinsController.url(port);
        String yaml = withCauseFlow ? CascYaml.withCauseFlow(url, receiver.baseUrl(), tenant.tenantId())
                : CascYaml.withoutCauseFlow(url);
        JenkinsHome home = JenkinsHome.create(homeDirectory, settings.pluginsDirectory(), withCauseFlow, yaml);
        List<Start> measured = new ArrayList<>();
        try (JenkinsController jenkins = JenkinsController.prepare(settings.jenkinsWar(), home, port,
                tenant.jenkinsEnvironment())) {
            jenkins.start(); // first start explodes the plugins: not counted
            System.out.printf(Locale.ROOT, "%s: first start %d ms%n", withCauseFlow ? "with" : "without",
                    jenkins.lastStartup().toMillis());
            for (int i = 0; i < starts; i++) {
                jenkins.restart();
                Start start = new Start(jenkins.lastStartup(), heapUsedAfterFullGc(jenkins.pid()), rss(jenkins.pid()));
                System.out.printf(Locale.ROOT, "%s: start %d: %d ms, heap used %d MiB, RSS %d MiB%n",
                        withCauseFlow ? "with" : "without", i + 1, start.startup().toMillis(),
                        start.heapUsedKiB() / 1024, start.rssKiB() / 1024);
                measured.add(start);
            }
        }
        return measured;
    }

    private static String latency(E2eSettings settings, Path homeDirectory, ReceiverProcess receiver,
                                  ReceiverTenant tenant, int builds) {
        int port = ChildProcess.freeLoopbackPort();
        String url = JenkinsController.url(port);
        JenkinsHome home = JenkinsHome.create(homeDirectory, settings.pluginsDirectory(), true,
                CascYaml.withCauseFlow(url, receiver.baseUrl(), tenant.tenantId()));
        List<Long> millis = new ArrayList<>();
        try (JenkinsController jenkins = JenkinsController.prepare(settings.jenkinsWar(), home, port,
                tenant.jenkinsEnvironment())) {
            jenkins.start();
            JenkinsClient client = new JenkinsClient(url);
            Job job = FreestyleJob.createFailing(client, "bench-freestyle");
            for (int i = 0; i < builds; i++) {
                Build build = job.scheduleBuild();
                build.awaitResult(Duration.ofMinutes(3));
                StoredIncident incident = receiver.awaitIncident("bench-freestyle #" + build.number + ",",
                        Duration.ofSeconds(60));
                long latency = Duration.between(build.end(), incident.createdAt()).toMillis();
                System.out.printf(Locale.ROOT, "alert latency, build %d: %d ms%n", build.number, latency);
                millis.add(latency);
            }
        }
        return String.format(Locale.ROOT, "alert latency (build end -> incident stored), median of %d: %d ms "
                + "(min %d, max %d)%n", millis.size(), median(millis), min(millis), max(millis));
    }

    private static String summary(String label, List<Start> starts) {
        List<Long> startup = starts.stream().map(start -> start.startup().toMillis()).toList();
        List<Long> heap = starts.stream().map(Start::heapUsedKiB).toList();
        List<Long> rss = starts.stream().map(Start::rssKiB).toList();
        return String.format(Locale.ROOT, "%s: start-up median %d ms (min %d, max %d); heap used after full GC "
                        + "median %.1f MiB; RSS median %.1f MiB (%d starts)%n", label, median(startup), min(startup),
                max(startup), median(heap) / 1024.0, median(rss) / 1024.0, starts.size());
    }

    private static long heapUsedAfterFullGc(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no 'used' figure for " + pid);
        }
        return Long.parseLong(used.group(2));
    }

    private static long rss(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return rss.find() ? Long.parseLong(rss.group(1)) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read /proc/" + pid + "/status", e);
        }
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readNBytes(1024 * 1024);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static long countHpi(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".hpi")).count();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
