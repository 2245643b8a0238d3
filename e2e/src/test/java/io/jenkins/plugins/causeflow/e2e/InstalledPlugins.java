package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Manage Jenkins › Plugins, through its API: which plugins Jenkins loaded and whether each is active.
 */
final class InstalledPlugins {
    private final JenkinsClient client;

    InstalledPlugins(JenkinsClient client) {
        this.client = client;
    }

    /** Short name → active, for every plugin Jenkins loaded (a plugin that failed to load is absent). */
    Map<String, Boolean> activeByShortName() {
        JsonNode plugins = client.json("pluginManager/api/json?tree=plugins[shortName,active]").path("plugins");
        Map<String, Boolean> active = new TreeMap<>();
        plugins.forEach(plugin -> active.put(plugin.path("shortName").asText(), plugin.path("active").asBoolean()));
        return active;
    }
}
