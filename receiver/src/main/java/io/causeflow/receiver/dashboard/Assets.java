package io.causeflow.receiver.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, read from the jar once at start. Only the names listed here are served, so no request path
 * ever reaches the class loader.
 */
final class Assets {
    private static final String ROOT = "/io/causeflow/receiver/dashboard/";

    /** A file and its content type. */
    record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> files;

    Assets() {
        files = Map.of(
                "sign-in.html", load("sign-in.html", "text/html; charset=utf-8"),
                "list.html", load("list.html", "text/html; charset=utf-8"),
                "incident.html", load("incident.html", "text/html; charset=utf-8"),
                "not-found.html", load("not-found.html", "text/html; charset=utf-8"),
                "dashboard.css", load("dashboard.css", "text/css; charset=utf-8"),
                "common.js", load("common.js", "text/javascript; charset=utf-8"),
                "list.js", load("list.js", "text/javascript; charset=utf-8"),
                "incident.js", load("incident.js", "text/javascript; charset=utf-8"),
                "icon.svg", load("icon.svg", "image/svg+xml"));
    }

    Optional<Asset> get(String name) {
        return Optional.ofNullable(files.get(name));
    }

    Asset page(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("missing page " + name));
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file " + name + " is missing from the jar");
            }
            return new Asset(contentType, in.readAllBytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + name, e);
        }
    }
}
