package dev.marquee.player.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class EngineArchitectureTest {

    private static final JavaClasses ENGINE_AND_SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee.player.engine", "dev.marquee.player.sim");

    @Test
    void engineAndSimulatorDoNotDependOnJavaFx() {
        assertThat(ENGINE_AND_SIMULATOR).isNotEmpty(); // the rule below must have something to check
        noClasses().that().resideInAnyPackage("dev.marquee.player.engine..", "dev.marquee.player.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the engine and the ABR simulator run without a display (tests, CI, the abr-sim command)")
                .check(ENGINE_AND_SIMULATOR);
    }

    @Test
    void engineDoesNotDependOnTheSimulator() {
        noClasses().that().resideInAPackage("dev.marquee.player.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.marquee.player.sim..")
                .because("the simulator drives the engine's real AbrManager, never the other way round")
                .check(ENGINE_AND_SIMULATOR);
    }
}
