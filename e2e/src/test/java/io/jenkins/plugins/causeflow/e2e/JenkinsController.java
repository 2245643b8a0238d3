package io.jenkins.plugins.causeflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code java -jar jenkins.war} on a {@link JenkinsHome}, on loopback, setup wizard off, JCasC on, no update-center
 * traffic. Started once per suite; {@link #restart()} stops it and starts it again on the same home and port.
 */
final class JenkinsController implements AutoCloseable {
    static final Pattern FULLY_UP = Pattern.compile("Jenkins is fully up and running");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path war;
    private final JenkinsHome home;
    private final int port;
    private final Map<String, String> environment;
    private ChildProcess process;
    private int starts;
    private Duration lastStartup = Duration.ZERO;

    private JenkinsController(Path war, JenkinsHome home, int port, Map<String, String> environment) {
        this.war = war;
        this.home = home;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    /** A controller for a free port; call {@link #start()}. */
    static JenkinsController prepare(Path war, JenkinsHome home, int port, Map<String, String> secretEnvironment) {
        Map<String, String> environment = new HashMap<>(secretEnvironment);
        environment.put("JENKINS_HOME", home.directory().toString());
        environment.put("CASC_JENKINS_CONFIG", home.cascFile().toString());
        return new JenkinsController(war, home, port, environment);
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port + "/";
    }

    String url() {
        return url(port);
    }

    JenkinsHome home() {
        return home;
    }

    /** Starts Jenkins and waits until it logged "fully up and running" and answers {@code /login} with 200. */
    void start() {
        long begin = System.nanoTime();
        starts++;
        process = ChildProcess.start("jenkins", List.of(ChildProcess.javaExecutable(),
                        "-Xmx768m",
                        "-Djava.awt.headless=true",
                        "-Djenkins.install.runSetupWizard=false",
                        // no update-center or metadata downloads: network traffic stays on loopback
                        "-Dhudson.model.UpdateCenter.never=true",
                        "-Dhudson.model.DownloadService.never=true",
                        "-Dhudson.model.UsageStatistics.disabled=true",
                        // the outbox retries every few seconds at most, so alerts queued in an outage arrive soon
                        // after the receiver is back (OutboxOutageITest) instead of after up to 5 minutes
                        "-Dio.jenkins.plugins.causeflow.outbox.PluginOutbox.maxBackoff=3s",
                        "-jar", war.toString(),
                        "--httpListenAddress=127.0.0.1",
                        "--httpPort=" + port,
                        // not ~/.jenkins/war, which other Jenkins runs on this machine share
                        "--webroot=" + home.directory().resolve("war")),
                environment, home.directory(), home.directory().resolve("jenkins-" + starts + ".log"));
        process.awaitLog(FULLY_UP, START_TIMEOUT);
        ChildProcess.awaitTrue("GET /login = 200 on " + url(), Duration.ofSeconds(60), () -> loginStatus() == 200);
        lastStartup = Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Stops Jenkins (SIGTERM: a clean shutdown that saves builds) and starts it again on the same home. */
    void restart() {
        process.stop(Duration.ofSeconds(60));
        start();
    }

    Duration lastStartup() {
        return lastStartup;
    }

    long pid() {
        return process.pid();
    }

    /** Everything Jenkins logged, over every start. */
    String log() {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            all.append(readLog(home.directory().resolve("jenkins-" + i + ".log")));
        }
        return all.toString();
    }

    Path currentLogFile() {
        return process.logFile();
    }

    private static String readLog(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private int loginStatus() {
        try {
            return PROBE.send(HttpRequest.newBuilder(URI.create(url() + "login")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }
}
