package dev.marquee.backend.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtworkFilesTest {

    @TempDir
    Path home;

    private Path origin;
    private ArtworkFiles files;

    @BeforeEach
    void originWithOnePoster() throws IOException {
        origin = Files.createDirectories(home.resolve("origin"));
        Files.createDirectories(origin.resolve("titles/t1/artwork"));
        Files.writeString(origin.resolve("titles/t1/artwork/poster-1.jpg"), "poster");
        Files.writeString(home.resolve("secret.jpg"), "secret");
        files = new ArtworkFiles(new CatalogProperties(origin, Duration.ofDays(1), 20, 12));
    }

    @Test
    void resolvesKeysInsideTheOrigin() {
        assertThat(files.resolve("titles/t1/artwork/poster-1.jpg")).isPresent();
        assertThat(files.resolve("titles/t1/artwork/../artwork/poster-1.jpg")).isPresent();
    }

    @Test
    void refusesKeysLeavingTheOrigin() {
        assertThat(files.resolve("../secret.jpg")).isEmpty();
        assertThat(files.resolve("titles/../../secret.jpg")).isEmpty();
        assertThat(files.resolve(home.resolve("secret.jpg").toString())).isEmpty();
    }

    @Test
    void refusesSymbolicLinksPointingOutside() throws IOException {
        Files.createSymbolicLink(origin.resolve("titles/t1/artwork/poster-2.jpg"), home.resolve("secret.jpg"));
        Files.createSymbolicLink(origin.resolve("escape"), home);

        assertThat(files.resolve("titles/t1/artwork/poster-2.jpg")).isEmpty();
        assertThat(files.resolve("escape/secret.jpg")).isEmpty();
    }

    @Test
    void findsNothingForMissingFilesAndDirectories() {
        assertThat(files.resolve("titles/t1/artwork/poster-9.jpg")).isEmpty();
        assertThat(files.resolve("titles/t1/artwork")).isEmpty();
    }
}
