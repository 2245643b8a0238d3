package io.causeflow.receiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link ReceiverServer} needs. Build with {@link #builder()}; defaults suit in-process tests
 * (loopback, port 0, in-memory store, no simulator delay).
 *
 * @param host               bind address
 * @param port               port, 0 for any free port
 * @param tenants            tenants (at least one)
 * @param dataDir            directory of the file store; empty for an in-memory store
 * @param maxBodyBytes       webhook body limit
 * @param pingInterval       SSE ping interval
 * @param simulatorStepDelay pause before each simulated investigation step
 * @param progressSteps      number of {@code investigation.progress} events per incident
 * @param subscriberBuffer   events an SSE subscriber may lag behind before it is disconnected
 * @param maxThreads         HTTP threads (SSE streams and slow bodies hold none while they wait)
 * @param limits             protections against hostile clients (stream caps, body deadlines, WAL size)
 */
public record ReceiverConfig(String host, int port, List<TenantConfig> tenants, Optional<Path> dataDir,
                             long maxBodyBytes, Duration pingInterval, Duration simulatorStepDelay, int progressSteps,
                             int subscriberBuffer, int maxThreads, Limits limits) {
    /** Default webhook body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default ping interval: 30 s, as documented by CauseFlow. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);

    /** Validates; messages name the setting. */
    public ReceiverConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        tenants = List.copyOf(tenants);
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("at least one tenant must be configured");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        if (maxBodyBytes < 1 || maxBodyBytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and 67108864, was " + maxBodyBytes);
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        if (simulatorStepDelay.isNegative()) {
            throw new IllegalArgumentException("simulatorStepDelay must not be negative");
        }
        if (progressSteps < 0 || progressSteps > 100) {
            throw new IllegalArgumentException("progressSteps must be between 0 and 100, was " + progressSteps);
        }
        if (subscriberBuffer < 1) {
            throw new IllegalArgumentException("subscriberBuffer must be at least 1, was " + subscriberBuffer);
        }
        if (maxThreads < 16) {
            throw new IllegalArgumentException("maxThreads must be at least 16, was " + maxThreads);
        }
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Bounds that keep one hostile or broken client from taking the receiver away from the others.
     *
     * @param maxStreamsPerTenant open SSE streams per tenant; one more is answered 503 {@code too_many_streams}
     * @param bodyTimeout         time a request body may take to arrive completely; then 408 {@code request_timeout}
     * @param maxBodyReads        request bodies still arriving at once; one more is answered 503 {@code server_busy}
     * @param walLimitBytes       write-ahead log size past which the store forces a restarting checkpoint
     */
    public record Limits(int maxStreamsPerTenant, Duration bodyTimeout, int maxBodyReads, long walLimitBytes) {
        /** Default open SSE streams per tenant. */
        public static final int DEFAULT_MAX_STREAMS_PER_TENANT = 500;
        /** Default body deadline. */
        public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
        /** Default bound on bodies still arriving. */
        public static final int DEFAULT_MAX_BODY_READS = 1000;
        /** Default WAL size that forces a restarting checkpoint: 16 MiB. */
        public static final long DEFAULT_WAL_LIMIT_BYTES = 16L * 1024 * 1024;

        /** Validates; messages name the setting. */
        public Limits {
            if (maxStreamsPerTenant < 1) {
                throw new IllegalArgumentException("maxStreamsPerTenant must be at least 1, was " + maxStreamsPerTenant);
            }
            if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
                throw new IllegalArgumentException("bodyTimeout must be positive");
            }
            if (maxBodyReads < 1) {
                throw new IllegalArgumentException("maxBodyReads must be at least 1, was " + maxBodyReads);
            }
            if (walLimitBytes < 64 * 1024) {
                throw new IllegalArgumentException("walLimitBytes must be at least 65536, was " + walLimitBytes);
            }
        }

        /** The defaults. */
        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_STREAMS_PER_TENANT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_BODY_READS,
                    DEFAULT_WAL_LIMIT_BYTES);
        }
    }

    /** A builder with test-friendly defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ReceiverConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final List<TenantConfig> tenants = new ArrayList<>();
        private Path dataDir;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration simulatorStepDelay = Duration.ZERO;
        private int progressSteps = 3;
        private int subscriberBuffer = 1024;
        private int maxThreads = 1000;
        private int maxStreamsPerTenant = Limits.DEFAULT_MAX_STREAMS_PER_TENANT;
        private Duration bodyTimeout = Limits.DEFAULT_BODY_TIMEOUT;
        private int maxBodyReads = Limits.DEFAULT_MAX_BODY_READS;
        private long walLimitBytes = Limits.DEFAULT_WAL_LIMIT_BYTES;

        private Builder() {
        }

        /** Bind address (default 127.0.0.1). */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** Port (default 0 = any free port). */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Adds a tenant. */
        public Builder tenant(TenantConfig tenant) {
            tenants.add(tenant);
            return this;
        }

        /** Adds a tenant. */
        public Builder tenant(String tenantId, String apiKey, String webhookSecret, String streamToken) {
            return tenant(new TenantConfig(tenantId, apiKey, webhookSecret, streamToken));
        }

        /** Adds tenants. */
        public Builder tenants(List<TenantConfig> values) {
            tenants.addAll(values);
            return this;
        }

        /** File store in this directory (default: in-memory). */
        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** In-memory store (the default). */
        public Builder inMemory() {
            this.dataDir = null;
            return this;
        }

        /** Webhook body limit in bytes (default 1 MiB). */
        public Builder maxBodyBytes(long value) {
            this.maxBodyBytes = value;
            return this;
        }

        /** SSE ping interval (default 30 s). */
        public Builder pingInterval(Duration value) {
            this.pingInterval = value;
            return this;
        }

        /** Pause before each simulator step (default zero). */
        public Builder simulatorStepDelay(Duration value) {
            this.simulatorStepDelay = value;
            return this;
        }

        /** Number of progress events (default 3). */
        public Builder progressSteps(int value) {
            this.progressSteps = value;
            return this;
        }

        /** Per-subscriber buffer in events (default 1024). */
        public Builder subscriberBuffer(int value) {
            this.subscriberBuffer = value;
            return this;
        }

        /** HTTP threads (default 1000). */
        public Builder maxThreads(int value) {
            this.maxThreads = value;
            return this;
        }

        /** Open SSE streams per tenant (default 500). */
        public Builder maxStreamsPerTenant(int value) {
            this.maxStreamsPerTenant = value;
            return this;
        }

        /** Time a request body may take to arrive (default 10 s). */
        public Builder bodyTimeout(Duration value) {
            this.bodyTimeout = value;
            return this;
        }

        /** Request bodies still arriving at once (default 1000). */
        public Builder maxBodyReads(int value) {
            this.maxBodyReads = value;
            return this;
        }

        /** WAL size that forces a restarting checkpoint (default 16 MiB). */
        public Builder walLimitBytes(long value) {
            this.walLimitBytes = value;
            return this;
        }

        /** Builds; fails with a message naming the invalid setting. */
        public ReceiverConfig build() {
            return new ReceiverConfig(host, port, tenants, Optional.ofNullable(dataDir), maxBodyBytes, pingInterval,
                    simulatorStepDelay, progressSteps, subscriberBuffer, maxThreads,
                    new Limits(maxStreamsPerTenant, bodyTimeout, maxBodyReads, walLimitBytes));
        }
    }
}
