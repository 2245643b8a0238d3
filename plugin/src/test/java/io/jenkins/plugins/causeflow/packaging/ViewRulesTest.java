package io.jenkins.plugins.causeflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ViewRules} on fixture views ({@code src/test/resources/viewfixtures}) of the fixture
 * class {@code fixtures.Endpoint}, each folder breaking one rule.
 */
class ViewRulesTest {
    private static final String ENDPOINT = "io/jenkins/plugins/causeflow/packaging/fixtures/Endpoint/";

    @Test
    void shouldAcceptBoundFieldsHelpFilesAndNestedClassViews() throws IOException {
        assertThat(check("good")).isEmpty();
    }

    @Test
    void shouldReportJellyThatIsNotWellFormed() throws IOException {
        assertThat(check("malformed")).singleElement().asString()
                .startsWith(ENDPOINT + "config.jelly: not well-formed XML");
    }

    @Test
    void shouldReportAFieldWithoutConstructorParameterOrSetter() throws IOException {
        assertThat(check("unbound")).singleElement().asString()
                .startsWith(ENDPOINT + "config.jelly: field=\"proxy\"");
    }

    @Test
    void shouldReportASetterWithoutGetter() throws IOException {
        assertThat(check("nogetter")).singleElement().asString()
                .startsWith(ENDPOINT + "config.jelly: field=\"tag\"");
    }

    @Test
    void shouldReportAGetterWithoutSetter() throws IOException {
        assertThat(check("readonly")).singleElement().asString()
                .startsWith(ENDPOINT + "config.jelly: field=\"label\"");
    }

    @Test
    void shouldReportHelpForAFieldThatDoesNotExist() throws IOException {
        assertThat(check("strayhelp")).singleElement().asString()
                .startsWith(ENDPOINT + "help-retries.html: help for \"retries\"");
    }

    @Test
    void shouldReportALocalizedKeyWithParentheses() throws IOException {
        assertThat(check("parenkey")).singleElement().asString()
                .startsWith(ENDPOINT + "config.jelly: localized key \"${%Timeout (seconds)}\" has parentheses");
    }

    @Test
    void shouldReportAViewFolderThatIsNoClass() throws IOException {
        assertThat(check("orphan")).singleElement().asString()
                .contains("Gone/config.jelly: folder").contains("is not the path of a class");
    }

    private List<String> check(String fixture) throws IOException {
        return ViewRules.check(Path.of("src/test/resources/viewfixtures", fixture), getClass().getClassLoader());
    }
}
