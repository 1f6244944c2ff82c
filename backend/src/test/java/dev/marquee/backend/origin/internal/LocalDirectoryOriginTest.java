package dev.marquee.backend.origin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.origin.Checksums;
import dev.marquee.backend.origin.Origin;
import dev.marquee.backend.origin.TitleStaging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryOriginTest {
    @TempDir Path home;

    LocalDirectoryOrigin origin() throws IOException {
        return new LocalDirectoryOrigin(home.resolve("origin"), home.resolve("origin-staging"));
    }

    @Test
    void titleIsInvisibleUntilPublishedThenCompleteWithChecksums() throws IOException {
        var origin = origin();
        UUID id = UUID.randomUUID();
        try (TitleStaging staging = origin.stageTitle(id)) {
            Files.createDirectories(staging.directory().resolve("360p-800k"));
            Files.writeString(staging.directory().resolve("master.m3u8"), "#EXTM3U\n");
            Files.write(staging.directory().resolve("360p-800k/seg-00001.ts"), new byte[] {1, 2, 3});
            assertThat(origin.hasTitle(id)).isFalse();
            assertThat(origin.list(Origin.titlePrefix(id))).isEmpty();

            assertThat(staging.publish()).isEqualTo(2);
        }
        assertThat(origin.hasTitle(id)).isTrue();
        assertThat(origin.list(Origin.titlePrefix(id))).containsExactly(
                "titles/" + id + "/360p-800k/seg-00001.ts", "titles/" + id + "/checksums.sha256", "titles/" + id + "/master.m3u8");
        Path title = home.resolve("origin/titles/" + id);
        assertThat(Checksums.verify(title)).isNull();
        assertThat(Files.readString(title.resolve("checksums.sha256")))
                .contains("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81  360p-800k/seg-00001.ts");
    }

    @Test
    void verificationNamesACorruptedFile() throws IOException {
        var origin = origin();
        UUID id = UUID.randomUUID();
        try (TitleStaging staging = origin.stageTitle(id)) {
            Files.writeString(staging.directory().resolve("master.m3u8"), "#EXTM3U\n");
            staging.publish();
        }
        Path title = home.resolve("origin/titles/" + id);
        Files.writeString(title.resolve("master.m3u8"), "#EXTM3U\n#tampered\n");
        assertThat(Checksums.verify(title)).contains("master.m3u8");
    }

    @Test
    void abandonedStagingLeavesNothingAndStartUpCleansLeftovers() throws IOException {
        var origin = origin();
        UUID id = UUID.randomUUID();
        try (TitleStaging staging = origin.stageTitle(id)) {
            Files.writeString(staging.directory().resolve("master.m3u8"), "#EXTM3U\n");
        }
        assertThat(origin.hasTitle(id)).isFalse();
        assertThat(list(home.resolve("origin-staging"))).isEmpty();

        // A crash mid-publish leaves a staging directory behind; the next start removes it.
        Files.createDirectories(home.resolve("origin-staging/" + id + "-crashed/720p"));
        origin();
        assertThat(list(home.resolve("origin-staging"))).isEmpty();
    }

    @Test
    void publishingATitleTwiceFailsAndKeepsTheFirst() throws IOException {
        var origin = origin();
        UUID id = UUID.randomUUID();
        try (TitleStaging first = origin.stageTitle(id)) {
            Files.writeString(first.directory().resolve("master.m3u8"), "first");
            first.publish();
        }
        try (TitleStaging second = origin.stageTitle(id)) {
            Files.writeString(second.directory().resolve("master.m3u8"), "second");
            assertThatThrownBy(second::publish).isInstanceOf(IOException.class);
        }
        try (var in = origin.get("titles/" + id + "/master.m3u8").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first");
        }
        assertThat(list(home.resolve("origin-staging"))).isEmpty();
    }

    @Test
    void putGetDeleteAndKeysCannotEscapeTheRoot() throws IOException {
        var origin = origin();
        origin.put("titles/x/artwork/poster-1.jpg", new ByteArrayInputStream(new byte[] {9}));
        assertThat(origin.get("titles/x/artwork/poster-1.jpg")).isPresent();
        assertThat(origin.delete("titles/x/artwork/poster-1.jpg")).isTrue();
        assertThat(origin.get("titles/x/artwork/poster-1.jpg")).isEmpty();
        assertThatThrownBy(() -> origin.get("../secrets/kek")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> origin.put("/etc/passwd", new ByteArrayInputStream(new byte[0]))).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
