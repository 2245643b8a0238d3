package io.causeflow.client.failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole snapshot as a JSON-like tree (maps with string keys, lists, strings, numbers, booleans): the alert's
 * metadata. Absent values are left out rather than sent as null. The layout is documented in {@code docs/payload.md}
 * and versioned by {@link #SCHEMA}.
 */
final class SnapshotMetadata {
    /** Names the layout, so a consumer can tell future changes apart. */
    static final String SCHEMA = "causeflow.ci-build/1";

    private SnapshotMetadata() {
    }

    static Map<String, Object> of(final BuildSnapshot snapshot) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("controller", controller(snapshot.controller()));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("fullName", snapshot.jobFullName());
        job.put("displayName", snapshot.jobDisplayName());
        put(job, "url", snapshot.jobUrl());
        root.put("job", job);
        root.put("build", build(snapshot));
        Map<String, Object> scm = scm(snapshot.scm());
        if (!scm.isEmpty()) {
            root.put("scm", scm);
        }
        if (snapshot.changes().total() > 0) {
            root.put("changes", changes(snapshot.changes()));
        }
        if (!snapshot.culprits().isEmpty()) {
            root.put("culprits", snapshot.culprits());
        }
        if (snapshot.tests().hasTests() || snapshot.tests().unreadableReports() > 0) {
            root.put("tests", tests(snapshot.tests()));
        }
        if (!snapshot.failedNodes().isEmpty()) {
            List<Object> nodes = new ArrayList<>();
            for (FailedNode node : snapshot.failedNodes()) {
                nodes.add(node(node));
            }
            root.put("failedNodes", nodes);
            if (snapshot.omittedFailedNodes() > 0) {
                root.put("omittedFailedNodes", snapshot.omittedFailedNodes());
            }
        }
        snapshot.logExcerpt().ifPresent(excerpt -> root.put("logExcerpt", excerpt(excerpt)));
        if (snapshot.streakStart().isPresent()) {
            root.put("streakStart", snapshot.streakStart().getAsInt());
        }
        return root;
    }

    private static Map<String, Object> controller(final ControllerInfo controller) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", controller.id());
        map.put("displayName", controller.displayName());
        map.put("system", controller.system());
        put(map, "url", controller.url());
        return map;
    }

    private static Map<String, Object> build(final BuildSnapshot snapshot) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("number", snapshot.buildNumber());
        build.put("id", snapshot.buildId());
        build.put("result", snapshot.result().name());
        build.put("running", snapshot.running());
        snapshot.startTime().ifPresent(start -> build.put("startTime", start.toString()));
        snapshot.duration().ifPresent(duration -> build.put("durationMillis", duration.toMillis()));
        put(build, "url", snapshot.buildUrl());
        put(build, "agent", snapshot.agent());
        if (!snapshot.causes().isEmpty()) {
            build.put("causes", snapshot.causes());
        }
        return build;
    }

    private static Map<String, Object> scm(final ScmInfo scm) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "branch", scm.branch());
        put(map, "changeId", scm.changeId());
        put(map, "changeUrl", scm.changeUrl());
        put(map, "changeTarget", scm.changeTarget());
        put(map, "changeTitle", scm.changeTitle());
        put(map, "changeAuthor", scm.changeAuthor());
        put(map, "commit", scm.commit());
        put(map, "gitBranch", scm.gitBranch());
        put(map, "gitUrl", scm.gitUrl());
        return map;
    }

    private static Map<String, Object> changes(final ChangeLog changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", changes.total());
        map.put("omitted", changes.omitted());
        List<Object> entries = new ArrayList<>();
        for (ChangeEntry entry : changes.entries()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("commit", entry.commit());
            change.put("author", entry.author());
            change.put("message", entry.message());
            entries.add(change);
        }
        map.put("entries", entries);
        return map;
    }

    private static Map<String, Object> tests(final TestSummary tests) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", tests.total());
        map.put("failed", tests.failed());
        map.put("skipped", tests.skipped());
        map.put("omittedFailedTests", tests.omittedFailedTests());
        List<Object> failed = new ArrayList<>();
        for (FailedTest test : tests.failedTests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("className", test.className());
            entry.put("name", test.name());
            put(entry, "errorMessage", test.errorMessage());
            if (!test.enclosingStages().isEmpty()) {
                entry.put("enclosingStages", test.enclosingStages());
            }
            failed.add(entry);
        }
        map.put("failedTests", failed);
        if (tests.unreadableReports() > 0) {
            Map<String, Object> unreadable = new LinkedHashMap<>();
            unreadable.put("count", tests.unreadableReports());
            unreadable.put("files", tests.unreadableNamed());
            map.put("unreadableReports", unreadable);
        }
        return map;
    }

    private static Map<String, Object> node(final FailedNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", node.name());
        map.put("kind", node.kind().word());
        map.put("enclosingPath", node.enclosingPath());
        put(map, "errorMessage", node.errorMessage());
        put(map, "stepFunction", node.stepFunction());
        return map;
    }

    private static Map<String, Object> excerpt(final LogExcerpt excerpt) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", excerpt.origin().wireName());
        map.put("logBytes", excerpt.logLength());
        map.put("windowTruncated", excerpt.windowTruncated());
        map.put("linesTruncated", excerpt.linesTruncated());
        map.put("errorLines", excerpt.errorLines());
        map.put("tailLines", excerpt.tailLines());
        return map;
    }

    private static void put(final Map<String, Object> map, final String key, final Optional<String> value) {
        value.ifPresent(present -> map.put(key, present));
    }
}
