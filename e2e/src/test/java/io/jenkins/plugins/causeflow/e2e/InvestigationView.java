package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build's live investigation as a user meets it (docs/plugin.md section 8b): the summary on the build page
 * (badge, root cause), the timeline on the build's CauseFlow page, both read as visible text (tags dropped,
 * entities decoded), and the REST export {@code …/causeflow/api/json?depth=2}.
 */
final class InvestigationView {
    private static final Pattern TIMELINE = Pattern.compile(
            "<table class=\"jenkins-table causeflow-timeline\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern SCRIPTS = Pattern.compile("<(script|style)\\b.*?</\\1>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    /** One row of the timeline as shown: time, what, details. */
    record Row(String time, String what, String details) {
    }

    private final Build build;

    InvestigationView(Build build) {
        this.build = build;
    }

    /** The build page's visible text (its summaries include the investigation's badge and root cause). */
    String buildPageText() {
        return visibleText(build.page());
    }

    /** The timeline rows of the build's CauseFlow page (the latest incident's table), in page order. */
    List<Row> timeline() {
        Matcher table = TIMELINE.matcher(build.causeFlowAction().html());
        List<Row> rows = new ArrayList<>();
        String body = "";
        while (table.find()) {
            body = table.group(1); // one table per incident; the last is the latest incident
        }
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(visibleText(cell.group(1)));
            }
            if (cells.size() == 3) {
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2)));
            }
        }
        return rows;
    }

    /** The REST export of the latest incident's investigation ({@code investigations[-1]}), or a missing node. */
    JsonNode latestInvestigation() {
        JsonNode all = build.causeFlowAction().api().path("investigations");
        return all.size() == 0 ? all.path(0) : all.path(all.size() - 1);
    }

    /** {@code entries[].kind} of the latest investigation, oldest first (ALERT_DELIVERED, PROGRESS, ROOT_CAUSE…). */
    List<String> entryKinds() {
        List<String> kinds = new ArrayList<>();
        latestInvestigation().path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    /** {@code entries[].eventId} of the latest investigation, oldest first. */
    List<String> entryEventIds() {
        List<String> ids = new ArrayList<>();
        latestInvestigation().path("entries").forEach(entry -> ids.add(entry.path("eventId").asText()));
        return ids;
    }

    /** Text as a browser shows it: scripts and tags dropped, entities decoded, white space collapsed. */
    static String visibleText(String html) {
        String text = TAG.matcher(SCRIPTS.matcher(html).replaceAll(" ")).replaceAll(" ");
        Matcher entity = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            int codePoint = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        entity.appendTail(decoded);
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
