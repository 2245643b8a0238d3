package io.causeflow.receiver;

import io.causeflow.receiver.events.EventBus;
import io.causeflow.receiver.http.HttpServerFactory;
import io.causeflow.receiver.http.Routes;
import io.causeflow.receiver.ingest.IngestService;
import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.StoredEvent;
import io.causeflow.receiver.model.Tenants;
import io.causeflow.receiver.simulator.InvestigationSimulator;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.Javalin;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The reference receiver, usable in-process:
 * <pre>{@code
 * try (ReceiverServer server = ReceiverServer.create(ReceiverConfig.builder()
 *         .tenant("acme", "cflo_key", "whsec_secret", "stream_token").build()).start()) {
 *     URI base = server.baseUri();               // http://127.0.0.1:<port>
 *     ... POST base + "/v1/webhooks/acme/custom" ...
 *     List<Incident> incidents = server.incidents("acme");
 * }
 * }</pre>
 * {@link #create} touches nothing; {@link #start} opens the store (migrating it), resumes unfinished simulated
 * investigations and binds the port. One instance is started at most once.
 */
public final class ReceiverServer implements AutoCloseable {
    private final ReceiverConfig config;
    private final Tenants tenants;
    private final EventBus bus;
    private ReceiverStore store;
    private InvestigationSimulator simulator;
    private HttpServerFactory http;
    private Routes routes;
    private ScheduledExecutorService timers;
    private Javalin app;
    private boolean started;
    private boolean closed;

    private ReceiverServer(ReceiverConfig config) {
        this.config = config;
        this.tenants = new Tenants(config.tenants().stream().map(TenantConfig::toTenant).toList());
        this.bus = new EventBus(config.subscriberBuffer());
    }

    /** An unstarted server; validates the tenants (duplicate ids or shared credentials are rejected). */
    public static ReceiverServer create(ReceiverConfig config) {
        return new ReceiverServer(config);
    }

    /**
     * Opens the store and binds the port.
     *
     * @return this
     * @throws IllegalStateException if already started, or if the store cannot be opened or the port bound
     */
    public synchronized ReceiverServer start() {
        if (started) {
            throw new IllegalStateException("a ReceiverServer starts once; create a new one");
        }
        started = true;
        try {
            store = config.dataDir().isPresent()
                    ? ReceiverStore.openFile(config.dataDir().get(), bus::publish, config.limits().walLimitBytes())
                    : ReceiverStore.openInMemory(bus::publish);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot open the store: " + e.getMessage(), e);
        }
        simulator = new InvestigationSimulator(store, config.simulatorStepDelay(), config.progressSteps());
        IngestService ingest = new IngestService(store, simulator::start);
        timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "causeflow-timers");
            thread.setDaemon(true);
            return thread;
        });
        ((ScheduledThreadPoolExecutor) timers).setRemoveOnCancelPolicy(true);
        routes = new Routes(tenants, store, bus, ingest, config.maxBodyBytes(), config.pingInterval(),
                new Routes.Limits(config.limits().maxStreamsPerTenant(), config.limits().bodyTimeout(),
                        config.limits().maxBodyReads()), timers);
        Duration idle = config.pingInterval().multipliedBy(3).compareTo(Duration.ofMinutes(2)) > 0
                ? config.pingInterval().multipliedBy(3) : Duration.ofMinutes(2);
        http = new HttpServerFactory(config.host(), config.port(), config.maxThreads(), idle);
        app = http.create(routes::register);
        try {
            app.start();
        }
        catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        simulator.resumeAll();
        return this;
    }

    /** The bound port. */
    public int port() {
        requireStarted();
        return http.boundPort();
    }

    /** {@code http://host:port} (loopback when bound to all interfaces). */
    public URI baseUri() {
        String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The configuration. */
    public ReceiverConfig config() {
        return config;
    }

    /** The store, for queries in tests. */
    public ReceiverStore store() {
        requireStarted();
        return store;
    }

    /** Where the data lives and its schema version, for the startup line. */
    public String storeDescription() {
        return store().description() + " (schema version " + store().schemaVersion() + ")";
    }

    /** Every incident of a tenant, oldest first. */
    public List<Incident> incidents(String tenantId) {
        return store().incidents(tenantId);
    }

    /** One incident. */
    public Optional<Incident> incident(String incidentId) {
        return store().incident(incidentId);
    }

    /** Every stored event of a tenant, in id order. */
    public List<StoredEvent> events(String tenantId) {
        return store().events(tenantId);
    }

    /** Open SSE subscriptions. */
    public int subscriberCount() {
        return bus.subscriberCount();
    }

    /** Open SSE streams of a tenant. */
    public int openStreams(String tenantId) {
        requireStarted();
        return routes.streams().openStreams(tenantId);
    }

    /** Request bodies being received asynchronously right now (slow or not yet complete). */
    public int bodiesArriving() {
        requireStarted();
        return routes.bodiesArriving();
    }

    /** SSE subscribers disconnected for falling behind. */
    public long slowSubscribersDisconnected() {
        return bus.slowSubscribersDisconnected();
    }

    private void requireStarted() {
        if (!started || store == null) {
            throw new IllegalStateException("server not started");
        }
    }

    /** Stops HTTP, the simulator and the store (queued writes finish first). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        bus.closeAll();
        if (routes != null) {
            routes.close();
        }
        if (app != null) {
            app.stop();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
