package io.causeflow.client.failure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Tests the architecture of the package {@link io.causeflow.client.failure}: it is plain data and pure mapping on top
 * of the client core, so the plugin, the command line and tests can all use it without pulling anything else in.
 */
class FailureArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.causeflow.client.failure");

    @Test
    void shouldDependOnlyOnTheJdkAndTheClientCore() {
        classes().that().resideInAPackage("io.causeflow.client.failure")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.causeflow.client",
                        "io.causeflow.client.failure", "java..", "javax.xml..", "edu.umd.cs.findbugs.annotations..")
                .check(MAIN);
    }
}
