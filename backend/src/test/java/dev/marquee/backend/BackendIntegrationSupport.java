package dev.marquee.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the backend's integration tests: the whole application on a random loopback port with its data in
 * one temporary directory. Every subclass gets exactly this configuration, so Spring starts it once per run.
 * The per-address sign-in limit is raised because every test signs in from 127.0.0.1; the per-account limit
 * stays as configured and is tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"marquee.identity.sign-in-per-address-burst=100000", "spring.main.banner-mode=off"})
public abstract class BackendIntegrationSupport {
    private static final Path HOME = temporaryHome();

    @LocalServerPort
    protected int port;

    /** This context's data directory. */
    @Value("${marquee.home}")
    protected Path home;

    /**
     * Each cached context gets its own data directory under {@link #HOME}, named by
     * {@code marquee.test.context-name}: two contexts alive at once must not share a database or a search index.
     */
    @DynamicPropertySource
    static void marqueeHome(DynamicPropertyRegistry registry) {
        registry.add("marquee.home", () -> HOME + "/${marquee.test.context-name:backend}");
    }

    protected TestHttp http() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("marquee-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(home)));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort: the directory is under the system's temporary directory anyway.
        }
    }
}
