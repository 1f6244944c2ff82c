package dev.marquee.player.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared ABR data ({@code shared/abr}, beside the repository: CI copies it to
 * {@code <clone>/../shared/abr}). Looks in the parent of the repository root first, then further up (a
 * git worktree sits one level deeper), or where {@code -Dmarquee.abr.data} points. Fails loudly when absent:
 * the tests that need it must not pass by skipping.
 */
final class SharedAbrData {

    private SharedAbrData() {}

    static Path dir() {
        String override = System.getProperty("marquee.abr.data");
        if (override != null) {
            return requireData(Path.of(override));
        }
        Path moduleDir = Path.of("").toAbsolutePath(); // surefire runs in the module's directory
        Path repoRoot = Files.exists(moduleDir.resolve("../marquee")) ? moduleDir.getParent() : moduleDir;
        for (Path p = repoRoot.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/abr");
            if (Files.isDirectory(candidate.resolve("traces")) && Files.isDirectory(candidate.resolve("video"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared ABR data not found: expected " + repoRoot.getParent()
                .resolve("shared/abr") + " (with traces/ and video/) beside the repository, or -Dmarquee.abr.data=DIR");
    }

    private static Path requireData(Path dir) {
        if (!Files.isDirectory(dir.resolve("traces")) || !Files.isDirectory(dir.resolve("video"))) {
            throw new IllegalStateException("-Dmarquee.abr.data=" + dir + " has no traces/ and video/");
        }
        return dir;
    }
}
