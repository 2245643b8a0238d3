package io.causeflow.client.outbox;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The outbox is plain Java on top of the core package: no command line, events or failure mapping. */
class OutboxArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.causeflow.client");

    @Test
    void shouldDependOnlyOnTheCorePackage() {
        noClasses().that().resideInAPackage("io.causeflow.client.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.causeflow.client.cli..",
                        "io.causeflow.client.events..", "io.causeflow.client.failure..", "picocli..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.causeflow.client", "io.causeflow.client.events..",
                "io.causeflow.client.failure..")
                .should().dependOnClassesThat().resideInAPackage("io.causeflow.client.outbox..")
                .check(MAIN);
    }
}
