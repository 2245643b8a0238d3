package io.causeflow.receiver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Tests the class {@link ReceiverServer}'s module boundaries with ArchUnit. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.causeflow.receiver");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("io.causeflow.receiver");

    @Test
    void shouldNotDependOnJenkins() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                "org.kohsuke..", "com.cloudbees..").check(MAIN);
    }

    @Test
    void shouldNotDependOnTheClientModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.causeflow.client..").check(MAIN);
    }

    @Test
    void shouldKeepTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.causeflow.receiver..")
                .layer("cli").definedBy("io.causeflow.receiver.cli..")
                .layer("api").definedBy("io.causeflow.receiver")
                .layer("http").definedBy("io.causeflow.receiver.http..")
                .layer("dashboard").definedBy("io.causeflow.receiver.dashboard..")
                .layer("services").definedBy("io.causeflow.receiver.ingest..", "io.causeflow.receiver.simulator..",
                        "io.causeflow.receiver.events..", "io.causeflow.receiver.incidents..")
                .layer("store").definedBy("io.causeflow.receiver.store..")
                .layer("model").definedBy("io.causeflow.receiver.model..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("http").mayOnlyBeAccessedByLayers("api")
                .whereLayer("dashboard").mayOnlyBeAccessedByLayers("http")
                .whereLayer("services").mayOnlyBeAccessedByLayers("api", "http", "dashboard", "services")
                .whereLayer("store").mayOnlyBeAccessedByLayers("api", "http", "dashboard", "services")
                .check(MAIN);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.causeflow.receiver.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldOnlyLetTheCliPrint() {
        noClasses().that().resideOutsideOfPackage("io.causeflow.receiver.cli..").should()
                .accessField(System.class, "out").orShould().accessField(System.class, "err").check(MAIN);
    }

    @Test
    void shouldUseAssertJOnly() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.hamcrest..", "org.junit.Assert")
                .check(TESTS);
    }

    @Test
    void shouldKeepTestClassesPackagePrivate() {
        noClasses().that().haveSimpleNameEndingWith("Test").should().bePublic().check(TESTS);
    }
}
