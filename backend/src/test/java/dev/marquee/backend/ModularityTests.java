package dev.marquee.backend;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The backend's module structure holds (no cycles, no reaching into another module's internals). */
class ModularityTests {
    private final ApplicationModules modules = ApplicationModules.of(MarqueeBackend.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Writes the module canvases and diagrams to {@code target/spring-modulith-docs}. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
