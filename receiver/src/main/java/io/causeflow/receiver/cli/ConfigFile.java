package io.causeflow.receiver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.causeflow.receiver.TenantConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --config} file, YAML ({@code .yaml}/{@code .yml}) or JSON (anything else). Unknown keys are errors, so
 * a typo does not silently fall back to a default. Any string value may be {@code ${env:NAME}} to keep secrets out of
 * the file.
 *
 * @param tenants        tenants
 * @param host           bind address
 * @param port           port
 * @param data           data directory
 * @param maxBody        body limit in bytes
 * @param pingInterval   ping interval text
 * @param simulatorDelay simulator delay text
 * @param maxStreamsPerTenant open SSE streams per tenant
 * @param bodyTimeout    body deadline text
 * @param maxBodyReads   bodies still arriving at once
 */
record ConfigFile(List<TenantConfig> tenants, Optional<String> host, Optional<Integer> port, Optional<String> data,
                  Optional<Long> maxBody, Optional<String> pingInterval, Optional<String> simulatorDelay,
                  Optional<Long> maxStreamsPerTenant, Optional<String> bodyTimeout, Optional<Long> maxBodyReads) {
    private static final Set<String> TOP_KEYS = Set.of("tenants", "host", "port", "data", "maxBody", "pingInterval",
            "simulatorDelay", "maxStreamsPerTenant", "bodyTimeout", "maxBodyReads");

    /** No file: every setting from flags, environment or defaults. */
    static ConfigFile empty() {
        return new ConfigFile(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    private static final Set<String> TENANT_KEYS = Set.of("tenantId", "apiKey", "webhookSecret", "streamToken");
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    static ConfigFile read(Path file, Map<String, String> env) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        }
        catch (IOException e) {
            throw new ConfigException("config file " + file + " is not valid " + (mapper.getFactory()
                    instanceof YAMLFactory ? "YAML" : "JSON") + ": " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config file " + file + " must contain an object with a 'tenants' list");
        }
        checkKeys(root, TOP_KEYS, "config file " + file);
        JsonNode tenantsNode = root.get("tenants");
        List<TenantConfig> tenants = new ArrayList<>();
        if (tenantsNode != null) {
            if (!tenantsNode.isArray()) {
                throw new ConfigException("'tenants' in " + file + " must be a list");
            }
            int index = 0;
            for (JsonNode tenant : tenantsNode) {
                String where = "tenants[" + index++ + "] in " + file;
                if (!tenant.isObject()) {
                    throw new ConfigException(where + " must be an object");
                }
                checkKeys(tenant, TENANT_KEYS, where);
                try {
                    tenants.add(new TenantConfig(text(tenant, "tenantId", where, env),
                            text(tenant, "apiKey", where, env), text(tenant, "webhookSecret", where, env),
                            text(tenant, "streamToken", where, env)));
                }
                catch (IllegalArgumentException e) {
                    throw new ConfigException(where + ": " + e.getMessage());
                }
            }
        }
        return new ConfigFile(tenants, optionalText(root, "host", file, env),
                optionalNumber(root, "port", file).map(Long::intValue), optionalText(root, "data", file, env),
                optionalNumber(root, "maxBody", file), optionalText(root, "pingInterval", file, env),
                optionalText(root, "simulatorDelay", file, env), optionalNumber(root, "maxStreamsPerTenant", file),
                optionalText(root, "bodyTimeout", file, env), optionalNumber(root, "maxBodyReads", file));
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new ConfigException("unknown key '" + key + "' in " + where + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String key, String where, Map<String, String> env)
            throws ConfigException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || !value.isValueNode()) {
            throw new ConfigException(where + " is missing '" + key + "'");
        }
        return expand(value.asText(), key, where, env);
    }

    private static Optional<String> optionalText(JsonNode node, String key, Path file, Map<String, String> env)
            throws ConfigException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new ConfigException("'" + key + "' in " + file + " must be a single value");
        }
        return Optional.of(expand(value.asText(), key, file.toString(), env));
    }

    private static Optional<Long> optionalNumber(JsonNode node, String key, Path file) throws ConfigException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new ConfigException("'" + key + "' in " + file + " must be a whole number");
        }
        return Optional.of(value.asLong());
    }

    private static String expand(String value, String key, String where, Map<String, String> env)
            throws ConfigException {
        Matcher matcher = ENV.matcher(value.strip());
        if (matcher.matches()) {
            String resolved = env.get(matcher.group(1));
            if (resolved == null || resolved.isBlank()) {
                throw new ConfigException("'" + key + "' in " + where + " refers to environment variable "
                        + matcher.group(1) + ", which is not set");
            }
            return resolved;
        }
        return value;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
