package io.causeflow.receiver.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Derives a root cause from an alert the way a quick human triage would: the first error-like line of a log excerpt
 * in the metadata (any string, or list of strings, under a key containing "log" or "excerpt"), else of the
 * description. Lines naming an exception or an ERROR/FATAL level count before weaker words such as "failed".
 */
public final class RootCauseAnalyzer {
    private static final Pattern STRONG = Pattern.compile(
            "(\\b[\\w.$]*(Exception|Error)\\b|\\bERROR\\b|\\bFATAL\\b|\\bCaused by\\b|\\bpanic:|Traceback|"
                    + "\\bSegmentation fault\\b|\\bOutOfMemory)");
    private static final Pattern WEAK = Pattern.compile(
            "(?i)\\b(error|errors|fail|failed|failing|failure|failures|timed out|timeout|refused|denied|unreachable|"
                    + "cannot|could not|exit code [1-9])\\b");
    private static final int MAX_LINE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RootCauseAnalyzer() {
    }

    /** Analyses title, description and metadata JSON. */
    public static Analysis analyze(String title, String description, String metadataJson) {
        List<String> lines = new ArrayList<>(logLines(metadataJson));
        lines.addAll(description.lines().toList());
        Optional<String> strong = first(lines, STRONG);
        Optional<String> weak = first(lines, WEAK);
        String rootCause;
        double confidence;
        if (strong.isPresent()) {
            rootCause = strong.get();
            confidence = 0.82;
        }
        else if (weak.isPresent()) {
            rootCause = weak.get();
            confidence = 0.64;
        }
        else {
            rootCause = title.strip();
            confidence = 0.35;
        }
        rootCause = shorten(rootCause);
        List<String> actions = actionsFor(rootCause + "\n" + title);
        return new Analysis(rootCause, confidence, actions, "Remediate: " + shorten(title.strip()),
                List.of("Confirm the root cause: " + rootCause, actions.get(0), "Re-run the failed job and watch it"));
    }

    private static Optional<String> first(List<String> lines, Pattern pattern) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty())
                .filter(l -> pattern.matcher(l).find()).findFirst();
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }

    private static List<String> actionsFor(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> actions = new ArrayList<>();
        if (lower.contains("outofmemory") || lower.contains("heap")) {
            actions.add("Raise the memory limit or find the leak (heap dump on the failing node)");
        }
        if (lower.contains("timeout") || lower.contains("timed out")) {
            actions.add("Check the latency and health of the dependency that timed out");
        }
        if (lower.contains("refused") || lower.contains("unreachable") || lower.contains("connect")) {
            actions.add("Verify the target service is up and reachable from the agent");
        }
        if (lower.contains("test") || lower.contains("assert")) {
            actions.add("Inspect the failing tests and the commits since the last green build");
        }
        if (lower.contains("denied") || lower.contains("permission") || lower.contains("unauthorized")) {
            actions.add("Check the credentials and permissions used by the job");
        }
        if (actions.isEmpty()) {
            actions.add("Review the changes since the last successful run");
        }
        actions.add("Compare with the last successful run's log");
        return List.copyOf(actions);
    }

    /** Strings under metadata keys that contain "log" or "excerpt", depth-first, split into lines. */
    static List<String> logLines(String metadataJson) {
        List<String> lines = new ArrayList<>();
        try {
            collect(JSON.readTree(metadataJson), false, lines);
        }
        catch (JsonProcessingException e) {
            // Stored metadata was validated JSON; an unreadable value simply contributes no lines.
        }
        return lines;
    }

    private static void collect(JsonNode node, boolean underLogKey, List<String> lines) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && underLogKey) {
            lines.addAll(node.textValue().lines().toList());
        }
        else if (node.isArray()) {
            node.forEach(child -> collect(child, underLogKey, lines));
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey().toLowerCase(Locale.ROOT);
                collect(entry.getValue(), underLogKey || key.contains("log") || key.contains("excerpt"), lines);
            }
        }
    }
}
