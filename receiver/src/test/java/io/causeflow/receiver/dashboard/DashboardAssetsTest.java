package io.causeflow.receiver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tests the dashboard files that {@link Assets} serves: the habits the Content-Security-Policy relies on (no inline
 * script, style or event handler) and the escaping rule of the scripts (untrusted data never becomes markup).
 */
class DashboardAssetsTest {
    private static final List<String> PAGES = List.of("sign-in.html", "list.html", "incident.html", "not-found.html");
    private static final List<String> SCRIPTS = List.of("common.js", "list.js", "incident.js");

    @Test
    void shouldKeepEveryScriptAndStyleInItsOwnFile() throws IOException {
        for (String page : PAGES) {
            String html = read(page);
            assertThat(html).as(page).doesNotContainPattern("(?i)<script(?![^>]*\\bsrc=)")
                    .doesNotContainPattern("(?i)<style").doesNotContainPattern("(?i)\\sstyle=")
                    .doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContainPattern("(?i)javascript:")
                    .doesNotContain("http://", "https://");
        }
    }

    @Test
    void shouldNeverTurnDataIntoMarkupOrCode() throws IOException {
        Pattern sinks = Pattern.compile("\\.innerHTML|\\.outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|"
                + "new Function\\(|setTimeout\\(['\"]|srcdoc");
        for (String script : SCRIPTS) {
            assertThat(sinks.matcher(read(script)).find()).as(script + " uses an HTML or code sink").isFalse();
        }
    }

    @Test
    void shouldServeEveryFileFromTheJar() {
        Assets assets = new Assets();
        for (String name : List.of("sign-in.html", "list.html", "incident.html", "not-found.html", "dashboard.css",
                "common.js", "list.js", "incident.js", "icon.svg")) {
            assertThat(assets.get(name)).as(name).isPresent();
        }
        assertThat(assets.get("../store/migrations/V1__incidents_and_events.sql")).isEmpty();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = DashboardAssetsTest.class.getResourceAsStream("/io/causeflow/receiver/dashboard/"
                + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
