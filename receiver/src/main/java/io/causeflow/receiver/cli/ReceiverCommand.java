package io.causeflow.receiver.cli;

import io.causeflow.receiver.ReceiverConfig;
import io.causeflow.receiver.ReceiverServer;
import io.causeflow.receiver.TenantConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar causeflow-receiver.jar}: runs the reference receiver. Each setting comes from its flag, else its
 * {@code CAUSEFLOW_RECEIVER_*} environment variable, else the {@code --config} file, else the default. Exit status:
 * 0 after a normal stop, 1 when the server cannot start (port taken, data directory locked), 2 for bad configuration.
 * Secrets are never printed, except the generated demo credentials in {@code --demo} mode (that is its purpose).
 */
@Command(name = "causeflow-receiver", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reference CauseFlow receiver: signed webhook ingest, durable store, SSE event stream.")
public final class ReceiverCommand {
    /** Exit status for bad configuration. */
    public static final int EXIT_CONFIG = 2;
    /** Exit status when the server cannot start. */
    public static final int EXIT_START = 1;
    static final int DEFAULT_PORT = 8787;
    static final String DEFAULT_DATA = "causeflow-receiver-data";
    private static final String ENV = "CAUSEFLOW_RECEIVER_";

    @Option(names = "--port", paramLabel = "PORT", description = "Port, 0 = any free port (default 8787). Env "
            + ENV + "PORT.")
    private String port;
    @Option(names = "--host", paramLabel = "HOST", description = "Bind address (default 127.0.0.1). Env " + ENV + "HOST.")
    private String host;
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the SQLite file store (default ./"
            + DEFAULT_DATA + "; --demo: in memory unless given). Env " + ENV + "DATA.")
    private String data;
    @Option(names = "--in-memory", description = "Keep everything in memory (lost on exit).")
    private boolean inMemory;
    @Option(names = "--tenant", paramLabel = "ID", description = "Tenant id of a single tenant. Env " + ENV + "TENANT.")
    private String tenant;
    @Option(names = "--api-key", paramLabel = "KEY", description = "X-API-Key of that tenant. Env " + ENV + "API_KEY.")
    private String apiKey;
    @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "HMAC key of that tenant. Env " + ENV
            + "WEBHOOK_SECRET.")
    private String webhookSecret;
    @Option(names = "--stream-token", paramLabel = "TOKEN", description = "SSE bearer token of that tenant. Env " + ENV
            + "STREAM_TOKEN.")
    private String streamToken;
    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON file with several tenants and "
            + "settings. Env " + ENV + "CONFIG.")
    private Path config;
    @Option(names = "--demo", description = "Add a 'demo' tenant with generated credentials and print them with a "
            + "ready-to-paste curl + openssl example.")
    private boolean demo;
    @Option(names = "--max-body", paramLabel = "BYTES", description = "Webhook body limit (default 1048576). Env " + ENV
            + "MAX_BODY.")
    private String maxBody;
    @Option(names = "--ping-interval", paramLabel = "DURATION", description = "SSE ping interval (default 30s). Env "
            + ENV + "PING_INTERVAL.")
    private String pingInterval;
    @Option(names = "--simulator-delay", paramLabel = "DURATION", description = "Pause before each simulated "
            + "investigation step (default 1s; 0 = immediate). Env " + ENV + "SIMULATOR_DELAY.")
    private String simulatorDelay;
    @Option(names = "--max-streams-per-tenant", paramLabel = "N", description = "Open SSE streams per tenant; one "
            + "more is answered 503 too_many_streams (default 500). Env " + ENV + "MAX_STREAMS_PER_TENANT.")
    private String maxStreamsPerTenant;
    @Option(names = "--body-timeout", paramLabel = "DURATION", description = "Time a request body may take to arrive "
            + "completely; then 408 (default 10s). Env " + ENV + "BODY_TIMEOUT.")
    private String bodyTimeout;
    @Option(names = "--max-body-reads", paramLabel = "N", description = "Request bodies still arriving at once; one "
            + "more is answered 503 server_busy (default 1000). Env " + ENV + "MAX_BODY_READS.")
    private String maxBodyReads;
    @Option(names = "--exit-after", paramLabel = "DURATION", description = "Stop by itself after this long (safety "
            + "net for scripts).")
    private String exitAfter;

    /** Runs until stopped (Ctrl-C / SIGTERM) and exits with the status described above. */
    public static void main(String[] args) {
        Launch launch = launch(args, System.getenv(), System.out, System.err);
        if (launch.server().isEmpty()) {
            System.exit(launch.exitCode());
        }
        ReceiverServer server = launch.server().get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "causeflow-shutdown"));
        try {
            if (launch.exitAfter().isPresent()) {
                if (!stopped.await(launch.exitAfter().get().toMillis(), TimeUnit.MILLISECONDS)) {
                    System.out.println("causeflow-receiver stopping (--exit-after elapsed)");
                    server.close();
                }
            }
            else {
                stopped.await();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /**
     * Parses, configures and starts; prints the startup lines.
     *
     * @return the running server, or the exit status when it did not start
     */
    static Launch launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ReceiverCommand command = new ReceiverCommand();
        CommandLine commandLine = new CommandLine(command);
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args);
            if (parsed.isUsageHelpRequested()) {
                commandLine.usage(out);
                return Launch.exit(0);
            }
            if (parsed.isVersionHelpRequested()) {
                out.println("causeflow-receiver");
                return Launch.exit(0);
            }
        }
        catch (CommandLine.UnmatchedArgumentException e) {
            // Only the option names: the token after a misspelled --api-key could be the key itself.
            err.println("causeflow-receiver: unknown option(s): " + String.join(", ", e.getUnmatched().stream()
                    .filter(token -> token.startsWith("-")).map(token -> token.split("=", 2)[0]).toList()));
            err.println("Run with --help for the options.");
            return Launch.exit(EXIT_CONFIG);
        }
        catch (CommandLine.ParameterException e) {
            err.println("causeflow-receiver: " + e.getMessage());
            err.println("Run with --help for the options.");
            return Launch.exit(EXIT_CONFIG);
        }
        Settings settings;
        try {
            settings = command.settings(env);
        }
        catch (ConfigException e) {
            err.println("causeflow-receiver: configuration error: " + e.getMessage());
            return Launch.exit(EXIT_CONFIG);
        }
        ReceiverServer server;
        try {
            server = ReceiverServer.create(settings.config()).start();
        }
        catch (IllegalArgumentException e) {
            err.println("causeflow-receiver: configuration error: " + e.getMessage());
            return Launch.exit(EXIT_CONFIG);
        }
        catch (IllegalStateException e) {
            err.println("causeflow-receiver: cannot start: " + e.getMessage());
            return Launch.exit(EXIT_START);
        }
        out.println("causeflow-receiver listening on " + server.baseUri());
        out.println("causeflow-receiver store: " + server.storeDescription());
        out.println("causeflow-receiver tenants: " + String.join(", ",
                settings.config().tenants().stream().map(TenantConfig::tenantId).toList()));
        out.println("causeflow-receiver dashboard: " + server.baseUri() + "/dashboard (sign in with a tenant's API key)");
        settings.demoTenant().ifPresent(demoTenant -> DemoBanner.print(out, server.baseUri().toString(), demoTenant));
        out.flush();
        return new Launch(Optional.of(server), 0, settings.exitAfter());
    }

    private Settings settings(Map<String, String> env) throws ConfigException {
        Path configPath = config != null ? config : Optional.ofNullable(env.get(ENV + "CONFIG")).map(Path::of)
                .orElse(null);
        ConfigFile file = configPath == null ? ConfigFile.empty() : ConfigFile.read(configPath, env);

        List<TenantConfig> tenants = new ArrayList<>(file.tenants());
        Optional<TenantConfig> single = singleTenant(env);
        single.ifPresent(tenants::add);
        Optional<TenantConfig> demoTenant = Optional.empty();
        if (demo) {
            demoTenant = Optional.of(demoTenant());
            tenants.add(demoTenant.get());
        }
        if (tenants.isEmpty()) {
            throw new ConfigException("no tenant configured: use --tenant/--api-key/--webhook-secret/--stream-token, "
                    + "--config FILE, or --demo");
        }

        ReceiverConfig.Builder builder = ReceiverConfig.builder().tenants(tenants);
        builder.host(pick(host, env, "HOST", file.host()).orElse("127.0.0.1"));
        String portText = pick(port, env, "PORT", file.port().map(String::valueOf)).orElse(String.valueOf(DEFAULT_PORT));
        builder.port((int) number("port", portText, 0, 65535));
        Optional<String> dataText = pick(data, env, "DATA", file.data());
        if (inMemory) {
            if (data != null) {
                throw new ConfigException("--in-memory and --data exclude each other");
            }
            builder.inMemory();
        }
        else if (dataText.isPresent()) {
            builder.dataDir(Path.of(dataText.get()));
        }
        else if (!demo) {
            builder.dataDir(Path.of(DEFAULT_DATA));
        }
        builder.maxBodyBytes(number("max-body", pick(maxBody, env, "MAX_BODY", file.maxBody().map(String::valueOf))
                .orElse(String.valueOf(ReceiverConfig.DEFAULT_MAX_BODY_BYTES)), 1, 64L * 1024 * 1024));
        Duration ping = Durations.parse("ping-interval", pick(pingInterval, env, "PING_INTERVAL", file.pingInterval())
                .orElse("30s"));
        if (ping.isZero()) {
            throw new ConfigException("ping-interval must be positive");
        }
        builder.pingInterval(ping);
        builder.simulatorStepDelay(Durations.parse("simulator-delay",
                pick(simulatorDelay, env, "SIMULATOR_DELAY", file.simulatorDelay()).orElse("1s")));
        builder.maxStreamsPerTenant((int) number("max-streams-per-tenant", pick(maxStreamsPerTenant, env,
                "MAX_STREAMS_PER_TENANT", file.maxStreamsPerTenant().map(String::valueOf))
                .orElse(String.valueOf(ReceiverConfig.Limits.DEFAULT_MAX_STREAMS_PER_TENANT)), 1, 1_000_000));
        Duration body = Durations.parse("body-timeout", pick(bodyTimeout, env, "BODY_TIMEOUT", file.bodyTimeout())
                .orElse("10s"));
        if (body.isZero()) {
            throw new ConfigException("body-timeout must be positive");
        }
        builder.bodyTimeout(body);
        builder.maxBodyReads((int) number("max-body-reads", pick(maxBodyReads, env, "MAX_BODY_READS",
                file.maxBodyReads().map(String::valueOf))
                .orElse(String.valueOf(ReceiverConfig.Limits.DEFAULT_MAX_BODY_READS)), 1, 1_000_000));
        Optional<Duration> stopAfter = exitAfter == null ? Optional.empty()
                : Optional.of(Durations.parse("exit-after", exitAfter));
        try {
            return new Settings(builder.build(), demoTenant, stopAfter);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private Optional<TenantConfig> singleTenant(Map<String, String> env) throws ConfigException {
        Optional<String> id = pick(tenant, env, "TENANT", Optional.empty());
        Optional<String> key = pick(apiKey, env, "API_KEY", Optional.empty());
        Optional<String> secret = pick(webhookSecret, env, "WEBHOOK_SECRET", Optional.empty());
        Optional<String> token = pick(streamToken, env, "STREAM_TOKEN", Optional.empty());
        if (id.isEmpty() && key.isEmpty() && secret.isEmpty() && token.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add("--tenant");
        }
        if (key.isEmpty()) {
            missing.add("--api-key");
        }
        if (secret.isEmpty()) {
            missing.add("--webhook-secret");
        }
        if (token.isEmpty()) {
            missing.add("--stream-token");
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("a single tenant needs all of --tenant, --api-key, --webhook-secret and "
                    + "--stream-token (or their " + ENV + "* variables); missing: " + String.join(", ", missing));
        }
        try {
            return Optional.of(new TenantConfig(id.get(), key.get(), secret.get(), token.get()));
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private TenantConfig demoTenant() {
        return new TenantConfig("demo", "cflo_demo_" + random(12), "whsec_demo_" + random(16),
                "cfst_demo_" + random(16));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static Optional<String> pick(String flag, Map<String, String> env, String envName, Optional<String> file) {
        if (flag != null) {
            return Optional.of(flag);
        }
        String fromEnv = env.get(ENV + envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        return file;
    }

    private static long number(String setting, String text, long min, long max) throws ConfigException {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw new ConfigException(setting + " must be a whole number from " + min + " to " + max + ", was '" + text
                + "'");
    }

    /** Resolved settings. */
    private record Settings(ReceiverConfig config, Optional<TenantConfig> demoTenant, Optional<Duration> exitAfter) {
    }

    /**
     * Result of {@link #launch}.
     *
     * @param server    the running server, if it started
     * @param exitCode  exit status when it did not
     * @param exitAfter self-stop delay
     */
    record Launch(Optional<ReceiverServer> server, int exitCode, Optional<Duration> exitAfter) {
        static Launch exit(int code) {
            return new Launch(Optional.empty(), code, Optional.empty());
        }
    }
}
