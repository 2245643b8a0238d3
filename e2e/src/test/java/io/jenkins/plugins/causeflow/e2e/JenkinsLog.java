package io.jenkins.plugins.causeflow.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads Jenkins' log (java.util.logging through Jenkins' formatter: {@code time [id=N]\tLEVEL\tlogger#method: msg},
 * continuation lines for stack traces).
 */
final class JenkinsLog {
    private static final Pattern RECORD_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");
    private static final Pattern PROBLEM = Pattern.compile("\\t(SEVERE|WARNING)\\t");

    private JenkinsLog() {
    }

    /**
     * Every SEVERE or WARNING record (with its stack trace) in which {@code word} appears, case-insensitively: our
     * loggers ({@code io.jenkins.plugins.causeflow}), a plugin that failed to load, a view of ours that failed.
     */
    static List<String> problemsAbout(String log, String word) {
        List<String> problems = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        for (String line : log.split("\n", -1)) {
            if (RECORD_START.matcher(line).matches()) {
                addIfProblem(record.toString(), word, problems);
                record.setLength(0);
            }
            record.append(line).append('\n');
        }
        addIfProblem(record.toString(), word, problems);
        return problems;
    }

    private static void addIfProblem(String record, String word, List<String> problems) {
        if (PROBLEM.matcher(record).find() && record.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))) {
            problems.add(record.length() > 2000 ? record.substring(0, 2000) + "…" : record);
        }
    }
}
