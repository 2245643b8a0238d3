package io.jenkins.plugins.causeflow.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * Checks on a page's HTML that fail with a short message (what is missing) instead of the whole page.
 */
final class PageText {
    private PageText() {
    }

    /** The expected strings that {@code html} lacks. */
    static List<String> missing(String html, String... expected) {
        return Arrays.stream(expected).filter(text -> !html.contains(text)).toList();
    }

    /** The forbidden strings that {@code html} contains. */
    static List<String> present(String html, String... forbidden) {
        return Arrays.stream(forbidden).filter(html::contains).toList();
    }
}
