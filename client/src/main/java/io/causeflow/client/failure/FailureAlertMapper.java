package io.causeflow.client.failure;

import io.causeflow.client.Alert;
import io.causeflow.client.AlertLimits;
import io.causeflow.client.SourceAlertIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a {@link BuildSnapshot} into an {@link Alert}: the one mapping used by the Pipeline step, the freestyle
 * notifier, the automatic listener and the command line, so the same build always gives the same alert and the same
 * {@code sourceAlertId}. Pure and deterministic: no clock, no I/O.
 */
public final class FailureAlertMapper {
    /** The most failed nodes the description lists one per line. */
    private static final int NODES_SHOWN = 5;

    private FailureAlertMapper() {
    }

    /**
     * Maps a build to an alert.
     *
     * @param snapshot  the build
     * @param rules     severity, service, environment, tags, dedup scope, limits
     * @param overrides explicit values, which always win
     * @return the alert, within the client's limits
     */
    public static Alert map(final BuildSnapshot snapshot, final MappingRules rules, final AlertOverrides overrides) {
        Map<String, Object> metadata = new LinkedHashMap<>(metadata(snapshot));
        metadata.putAll(overrides.metadata());
        Alert.Builder alert = Alert.builder()
                .title(overrides.title().orElseGet(() -> title(snapshot)))
                .description(overrides.description().orElseGet(() -> description(snapshot, rules.limits())))
                .sourceAlertId(sourceAlertId(snapshot, rules.dedupScope(), overrides))
                .severity(overrides.severity().orElseGet(() -> rules.severityFor(snapshot)))
                .tags(tags(snapshot, rules, overrides))
                .metadata(metadata);
        overrides.service().or(() -> rules.serviceRule().serviceFor(snapshot)).ifPresent(alert::service);
        overrides.environment().or(rules::environment).ifPresent(alert::environment);
        return alert.build();
    }

    /**
     * Returns the dedup key: the explicit one if given; else per build ({@link DedupScope#BUILD}) or per failure
     * streak ({@link DedupScope#STREAK}, anchored at {@link BuildSnapshot#streakStart()}, or at the build itself when
     * the streak start is unknown).
     *
     * @param snapshot  the build
     * @param scope     the dedup scope
     * @param overrides explicit values
     * @return the key
     */
    public static String sourceAlertId(final BuildSnapshot snapshot, final DedupScope scope,
            final AlertOverrides overrides) {
        if (overrides.sourceAlertId().isPresent()) {
            return overrides.sourceAlertId().get();
        }
        String controller = snapshot.controller().id();
        return switch (scope) {
            case BUILD -> SourceAlertIds.forBuild(controller, snapshot.jobFullName(), snapshot.buildNumber());
            case STREAK -> SourceAlertIds.forStreak(controller, snapshot.jobFullName(),
                    snapshot.streakStart().orElse(snapshot.buildNumber()));
        };
    }

    /**
     * Returns the title, e.g. {@code FAILURE: team/app/main #42, stage Test, branch linux}, bounded to the client's
     * title limit.
     *
     * @param snapshot the build
     * @return the title
     */
    public static String title(final BuildSnapshot snapshot) {
        StringBuilder title = new StringBuilder();
        // No "(running)": an alert sent from inside a build describes the failure it is sent for, and the
        // description says the build was still running; in an incident title it is only noise.
        title.append(snapshot.result().name());
        title.append(": ").append(snapshot.jobFullName()).append(" #").append(snapshot.buildNumber());
        Optional<FailedNode> stage = snapshot.failedNodes().stream()
                .filter(node -> node.kind() == FailedNode.Kind.STAGE).findFirst();
        stage.ifPresent(node -> title.append(", stage ").append(node.name()));
        List<FailedNode> branches = snapshot.failedNodes().stream()
                .filter(node -> node.kind() == FailedNode.Kind.BRANCH)
                .filter(node -> stage.isEmpty() || node.enclosingPath().contains(stage.get().name()))
                .toList();
        if (!branches.isEmpty()) {
            title.append(", branch ").append(branches.get(0).name());
            if (branches.size() > 1) {
                title.append(" (+").append(branches.size() - 1).append(" more)");
            }
        }
        if (stage.isEmpty() && branches.isEmpty() && snapshot.tests().failed() > 0) {
            title.append(", ").append(snapshot.tests().failed()).append(" failed test")
                    .append(snapshot.tests().failed() == 1 ? "" : "s");
        }
        return Texts.truncate(title.toString(), AlertLimits.TITLE_MAX_CHARS);
    }

    /**
     * Returns the whole snapshot as a JSON-like tree, the alert's metadata (layout in {@code docs/payload.md}).
     *
     * @param snapshot the build
     * @return maps, lists, strings, numbers and booleans
     */
    public static Map<String, Object> metadata(final BuildSnapshot snapshot) {
        return SnapshotMetadata.of(snapshot);
    }

    /**
     * Returns the readable plain-text description: what failed, where, the error, failed tests, changes, log excerpt
     * and the link. The link and the failure come first, so the size limit only ever cuts the log end.
     *
     * @param snapshot the build
     * @param limits   how much to show
     * @return the description, at most {@link MappingRules.Limits#descriptionMaxBytes()} UTF-8 bytes
     */
    public static String description(final BuildSnapshot snapshot, final MappingRules.Limits limits) {
        StringBuilder text = new StringBuilder(4096);
        text.append(snapshot.jobFullName()).append(" #").append(snapshot.buildNumber())
                .append(snapshot.running() ? " is running with result " : " finished with result ")
                .append(snapshot.result().name()).append(" on ").append(snapshot.controller().displayName())
                .append('.').append('\n');
        snapshot.buildUrl().ifPresent(url -> text.append("Build: ").append(url).append('\n'));
        appendFailedNodes(text, snapshot);
        appendContext(text, snapshot);
        appendTests(text, snapshot.tests(), limits.failedTestsShown());
        appendChanges(text, snapshot, limits.changesShown());
        snapshot.logExcerpt().ifPresent(excerpt -> appendExcerpt(text, excerpt));
        return Texts.truncateUtf8(text.toString().stripTrailing(), limits.descriptionMaxBytes());
    }

    private static void appendFailedNodes(final StringBuilder text, final BuildSnapshot snapshot) {
        List<FailedNode> nodes = snapshot.failedNodes();
        if (nodes.isEmpty()) {
            return;
        }
        text.append('\n').append("Failed:").append('\n');
        for (int i = 0; i < Math.min(NODES_SHOWN, nodes.size()); i++) {
            FailedNode node = nodes.get(i);
            text.append("- ").append(node.kind().word()).append(' ').append(node.displayPath());
            node.stepFunction().ifPresent(step -> text.append(" (step ").append(step).append(')'));
            node.errorMessage().ifPresent(error -> text.append(": ").append(Texts.firstLine(error)));
            text.append('\n');
        }
        int more = nodes.size() - NODES_SHOWN + snapshot.omittedFailedNodes();
        if (more > 0) {
            text.append("- ... and ").append(more).append(" more failed stages or branches").append('\n');
        }
    }

    private static void appendContext(final StringBuilder text, final BuildSnapshot snapshot) {
        List<String> lines = new ArrayList<>();
        snapshot.streakStart().ifPresent(start -> {
            if (start < snapshot.buildNumber()) {
                lines.add("Failing since: #" + start);
            }
        });
        ScmInfo scm = snapshot.scm();
        scm.effectiveBranch().ifPresent(branch -> lines.add("Branch: " + branch));
        scm.changeId().ifPresent(id -> {
            StringBuilder change = new StringBuilder("Change request: #").append(id);
            scm.changeTitle().ifPresent(title -> change.append(' ').append(title));
            scm.changeTarget().ifPresent(target -> change.append(" (into ").append(target).append(')'));
            scm.changeUrl().ifPresent(url -> change.append(' ').append(url));
            lines.add(change.toString());
        });
        scm.commit().ifPresent(commit -> lines.add("Commit: " + commit + scm.gitUrl().map(url -> " in " + url)
                .orElse("")));
        if (!snapshot.causes().isEmpty()) {
            lines.add("Cause: " + String.join("; ", snapshot.causes()));
        }
        snapshot.duration().ifPresent(duration -> lines.add("Duration: " + readable(duration)));
        snapshot.agent().ifPresent(agent -> lines.add("Agent: " + agent));
        if (!snapshot.culprits().isEmpty()) {
            lines.add("Culprits: " + String.join(", ", snapshot.culprits()));
        }
        if (!lines.isEmpty()) {
            text.append('\n');
            lines.forEach(line -> text.append(line).append('\n'));
        }
    }

    private static void appendTests(final StringBuilder text, final TestSummary tests, final int shown) {
        if (tests.unreadableReports() > 0) {
            text.append('\n').append(unreadableReports(tests)).append('\n');
        }
        if (!tests.hasTests()) {
            return;
        }
        text.append('\n').append("Tests: ").append(tests.failed()).append(" failed, ").append(tests.skipped())
                .append(" skipped, ").append(tests.total()).append(" total").append('\n');
        int listed = Math.min(shown, tests.failedTests().size());
        for (int i = 0; i < listed; i++) {
            FailedTest test = tests.failedTests().get(i);
            text.append("- ").append(test.fullName());
            if (!test.enclosingStages().isEmpty()) {
                text.append(" [").append(String.join(" > ", test.enclosingStages())).append(']');
            }
            test.errorMessage().ifPresent(error -> text.append(": ")
                    .append(Texts.truncate(Texts.firstLine(error), 300)));
            text.append('\n');
        }
        int more = tests.failedTests().size() - listed + tests.omittedFailedTests();
        if (more > 0) {
            text.append("- ... and ").append(more).append(" more failed tests").append('\n');
        }
    }

    /**
     * Returns e.g. {@code 2 report files could not be read: a.xml (not well-formed XML: ...), b.xml (...)}, the
     * names capped at {@link TestSummary#MAX_UNREADABLE_NAMED}.
     *
     * @param tests the summary
     * @return the sentence, or "" when every report was read
     */
    public static String unreadableReports(final TestSummary tests) {
        int count = tests.unreadableReports();
        if (count == 0) {
            return "";
        }
        StringBuilder line = new StringBuilder().append(count).append(count == 1 ? " report file" : " report files")
                .append(" could not be read");
        if (!tests.unreadableNamed().isEmpty()) {
            line.append(": ").append(String.join(", ", tests.unreadableNamed()));
            int more = count - tests.unreadableNamed().size();
            if (more > 0) {
                line.append(" and ").append(more).append(" more");
            }
        }
        return line.toString();
    }

    private static void appendChanges(final StringBuilder text, final BuildSnapshot snapshot, final int shown) {
        ChangeLog changes = snapshot.changes();
        if (changes.total() == 0) {
            return;
        }
        text.append('\n').append("Changes (").append(changes.total()).append("):").append('\n');
        int listed = Math.min(shown, changes.entries().size());
        for (int i = 0; i < listed; i++) {
            ChangeEntry change = changes.entries().get(i);
            text.append("- ").append(shortCommit(change.commit()));
            if (!change.author().isEmpty()) {
                text.append(' ').append(change.author());
            }
            text.append(": ").append(Texts.truncate(Texts.firstLine(change.message()), 200)).append('\n');
        }
        if (changes.total() > listed) {
            text.append("- ... and ").append(changes.total() - listed).append(" more changes").append('\n');
        }
    }

    private static void appendExcerpt(final StringBuilder text, final LogExcerpt excerpt) {
        if (excerpt.isEmpty()) {
            return;
        }
        text.append('\n').append("Log excerpt (").append(excerpt.origin().wireName());
        if (excerpt.windowTruncated()) {
            text.append(", end of a ").append(excerpt.logLength()).append("-byte log");
        }
        text.append("):").append('\n');
        if (!excerpt.errorLines().isEmpty()) {
            text.append("Error lines:").append('\n');
            excerpt.errorLines().forEach(line -> text.append("  ").append(line).append('\n'));
            text.append("Last lines:").append('\n');
        }
        if (excerpt.linesTruncated() || excerpt.windowTruncated()) {
            text.append("  [...]").append('\n');
        }
        excerpt.tailLines().forEach(line -> text.append("  ").append(line).append('\n'));
    }

    private static Map<String, String> tags(final BuildSnapshot snapshot, final MappingRules rules,
            final AlertOverrides overrides) {
        // Precedence, lowest first: configured defaults, the mapper's own tags, explicit tags.
        Map<String, String> tags = new TreeMap<>(rules.defaultTags());
        tags.put("ci", snapshot.controller().system());
        tags.put("job", snapshot.jobFullName());
        snapshot.scm().effectiveBranch().ifPresent(branch -> tags.put("branch", branch));
        tags.put("result", snapshot.result().tagValue());
        tags.put("controller", snapshot.controller().id());
        tags.putAll(overrides.tags());
        Map<String, String> bounded = new TreeMap<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (bounded.size() >= AlertLimits.MAX_TAGS) {
                break;
            }
            bounded.put(tag.getKey(), Texts.truncate(tag.getValue(), AlertLimits.TAG_VALUE_MAX_CHARS));
        }
        return bounded;
    }

    private static String shortCommit(final String commit) {
        boolean hex = commit.length() > 12 && commit.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        return hex ? commit.substring(0, 12) : commit;
    }

    private static String readable(final Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
