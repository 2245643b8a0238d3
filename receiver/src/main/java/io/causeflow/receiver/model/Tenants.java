package io.causeflow.receiver.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured tenants, looked up by id, API key or stream token (credential lookups compare in constant time). */
public final class Tenants {
    private final Map<String, Tenant> byId;

    /** Rejects duplicate ids, and API keys or stream tokens shared by two tenants (they identify the tenant). */
    public Tenants(List<Tenant> tenants) {
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("at least one tenant must be configured");
        }
        Map<String, Tenant> map = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            for (Tenant other : map.values()) {
                if (other.acceptsApiKey(tenant.apiKey())) {
                    throw new IllegalArgumentException("tenants '" + other.tenantId() + "' and '" + tenant.tenantId()
                            + "' have the same apiKey; each tenant needs its own");
                }
                if (other.acceptsStreamToken(tenant.streamToken())) {
                    throw new IllegalArgumentException("tenants '" + other.tenantId() + "' and '" + tenant.tenantId()
                            + "' have the same streamToken; each tenant needs its own");
                }
            }
            if (map.putIfAbsent(tenant.tenantId(), tenant) != null) {
                throw new IllegalArgumentException("tenant '" + tenant.tenantId() + "' is configured twice");
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** By path id. */
    public Optional<Tenant> byId(String tenantId) {
        return Optional.ofNullable(byId.get(tenantId));
    }

    /** The tenant owning this API key; every tenant is compared, so timing does not reveal which one matched. */
    public Optional<Tenant> byApiKey(String apiKey) {
        Tenant match = null;
        for (Tenant tenant : byId.values()) {
            if (tenant.acceptsApiKey(apiKey)) {
                match = tenant;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The tenant owning this stream token; every tenant is compared. */
    public Optional<Tenant> byStreamToken(String token) {
        Tenant match = null;
        for (Tenant tenant : byId.values()) {
            if (tenant.acceptsStreamToken(token)) {
                match = tenant;
            }
        }
        return Optional.ofNullable(match);
    }

    /** All tenants. */
    public List<Tenant> all() {
        return List.copyOf(byId.values());
    }
}
