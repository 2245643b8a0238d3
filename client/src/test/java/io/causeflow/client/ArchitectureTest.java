package io.causeflow.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Tests the architecture of the client: no Jenkins, a one-way package graph, test conventions. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.causeflow.client");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.causeflow.client");

    @Test
    void shouldNotDependOnJenkins() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..",
                "org.jenkinsci..", "org.kohsuke..", "com.cloudbees..");

        rule.check(MAIN);
        rule.check(TESTS);
    }

    @Test
    void shouldKeepTheCoreFreeOfTheCommandLineAndTheEventStream() {
        noClasses().that().resideInAPackage("io.causeflow.client")
                .should().dependOnClassesThat().resideInAnyPackage("io.causeflow.client.cli..",
                        "io.causeflow.client.events..", "io.causeflow.client.failure..", "picocli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.causeflow.client.events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.causeflow.client.cli..", "picocli..")
                .check(MAIN);
    }

    @Test
    void shouldOnlyPrintFromTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.causeflow.client.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(MAIN);
    }

    @Test
    void shouldUseAssertJOnly() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.hamcrest..", "org.junit.Assert")
                .check(TESTS);
    }

    @Test
    void shouldKeepTestClassesAndMethodsPackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Test").should().notBePublic().check(TESTS);
        methods().that().areAnnotatedWith(Test.class).should().notBePublic().check(TESTS);
        methods().that().areAnnotatedWith(Test.class).should().haveNameStartingWith("should").check(TESTS);
    }
}
