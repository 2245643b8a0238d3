package io.jenkins.plugins.causeflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * Tests the architecture of the plugin: one door to {@code Jenkins.get()}, {@code @POST} form handlers, a plain
 * delivery core, optional plugins touched only by the snapshot package, and AssertJ-only tests.
 */
class ArchitectureTest {
    private static final String ROOT = "io.jenkins.plugins.causeflow";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void shouldCallJenkinsGetOnlyInTheFacade() {
        noClasses().that().doNotHaveFullyQualifiedName(JenkinsFacade.class.getName())
                .should().callMethod(Jenkins.class, "get")
                .orShould().callMethod(Jenkins.class, "getInstanceOrNull")
                .check(MAIN);
    }

    @Test
    void shouldRequirePostOnEveryFormHandler() {
        methods().that().haveNameMatching("do(Check|Fill|Test).*")
                .and().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should().beAnnotatedWith(POST.class)
                .check(MAIN);
    }

    @Test
    void shouldKeepTheDeliveryCoreFreeOfJenkinsTypes() {
        noClasses().that().resideInAPackage(ROOT + ".delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                        "org.kohsuke..", "com.cloudbees..")
                .check(MAIN);
    }

    @Test
    void shouldTouchOptionalPluginsOnlyFromTheSnapshotPackage() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jenkinsci.plugins.workflow.graph..",
                        "org.jenkinsci.plugins.workflow.graphanalysis..", "org.jenkinsci.plugins.workflow.actions..",
                        "org.jenkinsci.plugins.workflow.flow..", "hudson.tasks.junit..", "hudson.tasks.test..",
                        "org.jenkinsci.plugins.displayurlapi..")
                .check(MAIN);
    }

    @Test
    void shouldUseOnlyAssertJInTests() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .orShould().dependOnClassesThat().resideInAPackage("org.hamcrest..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.Assert")
                .check(TESTS);
    }

    @Test
    void shouldKeepTestClassesPackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Test").should().notBePublic().check(TESTS);
    }
}
