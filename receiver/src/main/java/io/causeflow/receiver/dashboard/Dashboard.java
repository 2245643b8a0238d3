package io.causeflow.receiver.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.incidents.IncidentResolver;
import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.EventIds;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.Tenant;
import io.causeflow.receiver.model.Tenants;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's request handlers; {@code Routes} lists their paths. Sign-in takes a tenant's API key (the
 * credential that already grants reading and resolving incidents through the API) in a POST body and turns it into
 * an HttpOnly, SameSite=Strict session cookie; the key itself is never stored, logged or put in a URL. Every answer
 * carries a strict Content-Security-Policy: the pages load only their own scripts and styles, and put data into the
 * page as text, never as markup.
 */
public final class Dashboard {
    /** Name of the session cookie. */
    public static final String SESSION_COOKIE = "causeflow_session";
    /** The policy every dashboard answer carries: own files only, no inline script or style, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final String BASE = "/dashboard";
    private static final int MAX_SIGN_IN_BODY = 4096;
    private static final int LIST_LIMIT = 100;
    private static final int MAX_SESSIONS = 10_000;
    private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final String SIGN_IN_ERROR_MARK = "<!--sign-in-error-->";
    private static final String SIGN_IN_ERROR = "<p class=\"form-error\" id=\"sign-in-error\" role=\"alert\">"
            + "That API key does not belong to any tenant of this receiver.</p>";
    private static final Set<String> ACTIVE = Set.of(IncidentStatus.OPEN.wireName(),
            IncidentStatus.TRIAGING.wireName(), IncidentStatus.INVESTIGATING.wireName(),
            IncidentStatus.AWAITING_APPROVAL.wireName(), IncidentStatus.REMEDIATING.wireName());

    private final Tenants tenants;
    private final ReceiverStore store;
    private final IncidentResolver resolver;
    private final Sessions sessions;
    private final LiveFeed feed;
    private final Assets assets = new Assets();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param tenants      configured tenants
     * @param store        durable store
     * @param resolver     the one way to resolve an incident
     * @param feed         the receiver's SSE streams (shared writers, pings and per-tenant cap)
     */
    public Dashboard(Tenants tenants, ReceiverStore store, IncidentResolver resolver, LiveFeed feed) {
        this.tenants = tenants;
        this.store = store;
        this.resolver = resolver;
        this.sessions = new Sessions(SESSION_LIFETIME, MAX_SESSIONS, Clock.systemUTC());
        this.feed = feed;
    }

    // ------------------------------------------------------------------ pages

    /** {@code GET /dashboard}: the incident list, or the sign-in page for a browser without a session. */
    public void listPage(Context ctx) {
        page(ctx, () -> {
            if (currentSession(ctx).isEmpty()) {
                redirect(ctx, BASE + "/sign-in");
                return;
            }
            html(ctx, 200, assets.page("list.html").bytes());
        });
    }

    /** {@code GET /dashboard/incidents/{incidentId}}: one incident; another tenant's incident is a 404 page. */
    public void incidentPage(Context ctx) {
        page(ctx, () -> {
            Optional<DashboardSession> session = currentSession(ctx);
            if (session.isEmpty()) {
                redirect(ctx, BASE + "/sign-in");
                return;
            }
            if (owned(session.get(), ctx.pathParam("incidentId")).isEmpty()) {
                html(ctx, 404, assets.page("not-found.html").bytes());
                return;
            }
            html(ctx, 200, assets.page("incident.html").bytes());
        });
    }

    /** {@code GET /dashboard/sign-in}. */
    public void signInPage(Context ctx) {
        page(ctx, () -> html(ctx, 200, signInHtml(false)));
    }

    /**
     * {@code POST /dashboard/sign-in} with the form field {@code apiKey}: 303 to the list with a new session cookie,
     * or 401 with the sign-in page saying the key was refused.
     */
    public void signIn(Context ctx) {
        page(ctx, () -> {
            requireSameOrigin(ctx);
            Map<String, String> form = FormBody.read(ctx.req().getInputStream(), MAX_SIGN_IN_BODY)
                    .orElseThrow(() -> new DashboardException(413, "payload_too_large",
                            "the sign-in form is larger than " + MAX_SIGN_IN_BODY + " bytes"));
            String apiKey = form.getOrDefault("apiKey", "").strip();
            Optional<Tenant> tenant = apiKey.isEmpty() ? Optional.empty() : tenants.byApiKey(apiKey);
            if (tenant.isEmpty()) {
                LOG.info("Dashboard sign-in refused (no tenant has that API key)");
                html(ctx, 401, signInHtml(true));
                return;
            }
            String id = sessions.create(tenant.get().tenantId());
            LOG.info("Dashboard sign-in for tenant {}", tenant.get().tenantId());
            ctx.header("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=" + BASE + "; Max-Age="
                    + sessions.lifetime().toSeconds() + "; HttpOnly; SameSite=Strict");
            redirect(ctx, BASE);
        });
    }

    /** {@code POST /dashboard/sign-out} (CSRF token required): ends the session and clears the cookie. */
    public void signOut(Context ctx) {
        api(ctx, () -> {
            requireCsrf(ctx, requireSession(ctx));
            sessions.remove(ctx.cookie(SESSION_COOKIE));
            ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=" + BASE + "; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.status(204);
        });
    }

    /** {@code GET /dashboard/assets/{name}}: scripts, styles, icon (listed names only). */
    public void asset(Context ctx) {
        page(ctx, () -> {
            Optional<Assets.Asset> asset = assets.get(ctx.pathParam("name"))
                    .filter(found -> !found.contentType().startsWith("text/html"));
            if (asset.isEmpty()) {
                throw new DashboardException(404, "not_found", "no such dashboard file");
            }
            ctx.header("Cache-Control", "no-cache");
            ctx.status(200).contentType(asset.get().contentType()).result(asset.get().bytes());
        });
    }

    // ------------------------------------------------------------------ JSON for the pages

    /** {@code GET /dashboard/api/session}: the tenant and the CSRF token for this page's POSTs. */
    public void session(Context ctx) {
        api(ctx, () -> {
            DashboardSession session = requireSession(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tenantId", session.tenantId());
            body.put("csrfToken", session.csrfToken());
            json(ctx, 200, body);
        });
    }

    /**
     * {@code GET /dashboard/api/incidents?status=all|active|<status>}: the newest {@value #LIST_LIMIT} incidents of
     * the session's tenant with that status, newest first.
     */
    public void incidents(Context ctx) {
        api(ctx, () -> {
            DashboardSession session = requireSession(ctx);
            String filter = Optional.ofNullable(ctx.queryParam("status")).orElse("all").strip()
                    .toLowerCase(Locale.ROOT);
            List<Incident> found = "all".equals(filter) ? store.incidents(session.tenantId(), LIST_LIMIT)
                    : store.incidents(session.tenantId(), statuses(filter), LIST_LIMIT);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", filter);
            body.put("limit", LIST_LIMIT);
            body.put("incidents", found.stream().map(IncidentViews::row).toList());
            json(ctx, 200, body);
        });
    }

    /** {@code GET /dashboard/api/incidents/{incidentId}}: the alert as received and the findings so far. */
    public void incident(Context ctx) {
        api(ctx, () -> {
            DashboardSession session = requireSession(ctx);
            String incidentId = ctx.pathParam("incidentId");
            Incident incident = owned(session, incidentId).orElseThrow(() -> DashboardException.notFound(incidentId));
            json(ctx, 200, IncidentViews.detail(incident, json));
        });
    }

    /** {@code POST /dashboard/api/incidents/{incidentId}/resolve} (CSRF token required). */
    public void resolve(Context ctx) {
        api(ctx, () -> {
            DashboardSession session = requireSession(ctx);
            requireCsrf(ctx, session);
            String incidentId = ctx.pathParam("incidentId");
            try {
                Incident resolved = resolver.resolve(session.tenantId(), incidentId)
                        .orElseThrow(() -> DashboardException.notFound(incidentId));
                json(ctx, 200, IncidentViews.detail(resolved, json));
            }
            catch (IncidentResolver.KeptChangingException e) {
                throw new DashboardException(409, "conflict", e.getMessage());
            }
        });
    }

    /** {@code GET /dashboard/api/events[?incident=ID]}: the live feed (SSE) of the session's tenant. */
    public void events(Context ctx) {
        api(ctx, () -> {
            DashboardSession session = requireSession(ctx);
            Optional<String> incidentId = Optional.ofNullable(ctx.queryParam("incident"));
            if (incidentId.isPresent() && owned(session, incidentId.get()).isEmpty()) {
                throw DashboardException.notFound(incidentId.get());
            }
            // The incident page replays the incident's stored events (after the browser's Last-Event-ID on a
            // reconnect), then forwards its live ones; the list page takes live events only and reloads its rows.
            OptionalLong resumeAfter = incidentId.isPresent() ? OptionalLong.of(resumeAfter(ctx)) : OptionalLong.empty();
            feed.attach(ctx, session.tenantId(), resumeAfter, incidentId);
        });
    }

    /**
     * The browser's {@code Last-Event-ID} on a reconnect. Anything unparsable, or an id this receiver never issued
     * (its data folder was reset since the page opened), means "from the start": a page should heal, not fail.
     */
    private long resumeAfter(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return 0;
        }
        long id = EventIds.parse(header).orElse(0);
        return id > store.lastEventId() ? 0 : id;
    }

    // ------------------------------------------------------------------ plumbing

    private interface Action {
        void run() throws Exception;
    }

    /** A page or file: a missing session or a refusal answers with a plain message. */
    private void page(Context ctx, Action action) {
        securityHeaders(ctx);
        try {
            action.run();
        }
        catch (DashboardException e) {
            ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON for the scripts: refusals are {@code {error, message}} like the rest of the receiver. */
    private void api(Context ctx, Action action) {
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-store");
        try {
            action.run();
        }
        catch (DashboardException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            json(ctx, e.status(), body);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on a form POST.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    private Optional<DashboardSession> currentSession(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        return id == null || id.isEmpty() ? Optional.empty() : sessions.find(id);
    }

    private DashboardSession requireSession(Context ctx) {
        return currentSession(ctx).orElseThrow(DashboardException::notSignedIn);
    }

    private Optional<Incident> owned(DashboardSession session, String incidentId) {
        return store.incident(incidentId).filter(incident -> incident.tenantId().equals(session.tenantId()));
    }

    /**
     * The cookie is SameSite=Strict already; the token is a second, independent guard (and covers browsers that
     * ignore SameSite). Requests from another site are refused by their Origin / Sec-Fetch-Site headers too.
     */
    private static void requireCsrf(Context ctx, DashboardSession session) {
        requireSameOrigin(ctx);
        String presented = ctx.header("X-CSRF-Token");
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw DashboardException.forbidden("X-CSRF-Token is missing or wrong; reload the page");
        }
    }

    private static void requireSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
            throw DashboardException.forbidden("cross-site request refused");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ctx.scheme() + "://" + ctx.host())) {
            throw DashboardException.forbidden("cross-origin request refused");
        }
    }

    private static Set<String> statuses(String filter) {
        if ("active".equals(filter)) {
            return ACTIVE;
        }
        Set<String> known = Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wireName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!known.contains(filter)) {
            throw new DashboardException(400, "validation_error", "status must be all, active or one of "
                    + String.join(", ", known));
        }
        return Set.of(filter);
    }

    private byte[] signInHtml(boolean refused) {
        String page = new String(assets.page("sign-in.html").bytes(), StandardCharsets.UTF_8);
        // A fixed sentence replaces a fixed mark: nothing from the request reaches the markup.
        return page.replace(SIGN_IN_ERROR_MARK, refused ? SIGN_IN_ERROR : "").getBytes(StandardCharsets.UTF_8);
    }

    private static void html(Context ctx, int status, byte[] body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

    private static void redirect(Context ctx, String location) {
        ctx.header("Location", location);
        ctx.status(303);
    }

    private void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
