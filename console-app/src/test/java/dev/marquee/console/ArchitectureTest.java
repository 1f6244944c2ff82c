package dev.marquee.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee.console");

    @Test
    void viewModelsUseNoControlsOrLayouts() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..")
                .because("view models are logic and observable properties, tested without a display")
                .check(CONSOLE);
    }

    @Test
    void theClientIsFreeOfJavaFx() {
        noClasses().that().resideInAPackage("dev.marquee.console.api..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the client is plain HTTP and JSON")
                .check(CONSOLE);
    }
}
