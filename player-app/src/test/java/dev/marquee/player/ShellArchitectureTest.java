package dev.marquee.player;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ShellArchitectureTest {
    private static final JavaClasses PLAYER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee.player");

    @Test
    void viewModelsKnowNoControlsOrLayouts() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..")
                .because("view models hold logic and properties only, so that they are tested without a display")
                .check(PLAYER);
    }

    @Test
    void theBackendClientKnowsNothingOfJavaFx() {
        noClasses().that().resideInAPackage("dev.marquee.player.api..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the client is plain HTTP and JSON, usable from the engine and from tests")
                .check(PLAYER);
    }
}
