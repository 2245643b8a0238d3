package io.causeflow.receiver.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the (unstarted) Javalin app with our Jetty settings. The benchmark uses the same factory for its "answer
 * 202 and nothing else" baseline, so both servers differ only in their routes.
 */
public final class HttpServerFactory {
    private final String host;
    private final int port;
    private final int maxThreads;
    private final Duration idleTimeout;
    private final AtomicReference<ServerConnector> connector = new AtomicReference<>();

    /**
     * @param host        bind address
     * @param port        port, 0 for any free port
     * @param maxThreads  Jetty threads (SSE streams and slow bodies hold none while waiting)
     * @param idleTimeout connection idle timeout (longer than the ping interval)
     */
    public HttpServerFactory(String host, int port, int maxThreads, Duration idleTimeout) {
        this.host = host;
        this.port = port;
        this.maxThreads = maxThreads;
        this.idleTimeout = idleTimeout;
    }

    /** Creates the app; {@code routes} declares the routes. */
    public Javalin create(Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // SSE frames must reach the client as written; compression would buffer them.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
            pool.setName("causeflow-http");
            config.jetty.threadPool = pool;
            config.jetty.addConnector((server, httpConfiguration) -> {
                httpConfiguration.setSendServerVersion(false);
                ServerConnector serverConnector = new ServerConnector(server,
                        new HttpConnectionFactory(httpConfiguration));
                serverConnector.setHost(host);
                serverConnector.setPort(port);
                serverConnector.setIdleTimeout(idleTimeout.toMillis());
                connector.set(serverConnector);
                return serverConnector;
            });
            // Jetty's own answers (malformed requests it refuses before any route) are JSON like ours.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler.InContext()));
            routes.accept(config.routes);
        });
    }

    /** The bound port once started. */
    public int boundPort() {
        ServerConnector serverConnector = connector.get();
        if (serverConnector == null) {
            throw new IllegalStateException("server not started");
        }
        return serverConnector.getLocalPort();
    }
}
