package io.jenkins.plugins.causeflow.investigation;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * The reference receiver (its runnable jar, built by the reactor before the plugin) as a child process on a loopback
 * port: it cannot share a class path with the Jenkins test harness (Jetty 12 ee10 / Servlet 6 against Jenkins' ee9).
 * In memory, one tenant, the investigation simulator with the given delay per step, and a safety exit.
 */
final class ReceiverProcess implements AutoCloseable {
    static final String TENANT = "tenant-live";
    static final String API_KEY = "cflo_test_sk_LIVE_api_key_000444";
    static final String WEBHOOK_SECRET = "whsec_LIVE_webhook_secret_000555";
    static final String STREAM_TOKEN = "cfst_LIVE_stream_token_000666";
    static final String API_KEY_ID = "cf-live-api-key";
    static final String WEBHOOK_SECRET_ID = "cf-live-webhook-secret";
    static final String STREAM_TOKEN_ID = "cf-live-stream-token";

    private final Process process;
    private final String baseUrl;
    private final List<String> output;

    private ReceiverProcess(final Process process, final String baseUrl, final List<String> output) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    static ReceiverProcess start(final String simulatorDelay) throws Exception {
        Path jar = Path.of(System.getProperty("causeflow.basedir", "."), "..", "receiver", "target",
                "causeflow-receiver.jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the receiver jar " + jar + " is missing: build with "
                    + "mvn -B -pl plugin -am verify (the reactor packages the receiver first)");
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--port", "0", "--host", "127.0.0.1", "--in-memory", "--tenant", TENANT, "--api-key", API_KEY,
                "--webhook-secret", WEBHOOK_SECRET, "--stream-token", STREAM_TOKEN, "--ping-interval", "2s",
                "--simulator-delay", simulatorDelay, "--exit-after", "15m").redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (output.size() < 10_000) {
                        output.add(line);
                    }
                    if (line.startsWith("causeflow-receiver listening on ")) {
                        listening.complete(line.substring("causeflow-receiver listening on ".length()).strip());
                    }
                }
            }
            catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("the receiver exited: " + output));
        }, "receiver-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ReceiverProcess(process, listening.get(60, TimeUnit.SECONDS), output);
        }
        catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** Credentials and global settings of a Jenkins pointed at this receiver, live updates on. */
    void configure() throws IOException {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, API_KEY_ID,
                "CauseFlow API key", Secret.fromString(API_KEY)));
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, WEBHOOK_SECRET_ID,
                "CauseFlow webhook secret", Secret.fromString(WEBHOOK_SECRET)));
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, STREAM_TOKEN_ID,
                "CauseFlow stream token", Secret.fromString(STREAM_TOKEN)));
        credentials.save();
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setEndpointUrl(baseUrl);
        config.setTenantId(TENANT);
        config.setApiKeyCredentialsId(API_KEY_ID);
        config.setWebhookSecretCredentialsId(WEBHOOK_SECRET_ID);
        config.setMaxAttempts(1);
        config.setTotalBudgetSeconds(20);
        config.setStreamTokenCredentialsId(STREAM_TOKEN_ID);
        config.setLiveUpdates(true);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
