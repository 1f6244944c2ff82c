package dev.marquee.backend.origin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SHA-256 manifests in the format of {@code sha256sum} ({@code <hex>  <relative path>}), so that
 * {@code sha256sum -c checksums.sha256} run inside a title's directory verifies it by hand.
 */
public final class Checksums {
    private Checksums() {}

    private static final int BUFFER_BYTES = 64 * 1024;

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Digests of every regular file under {@code root} except the manifest itself, by relative path with '/'. */
    public static Map<String, String> digestTree(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, String> digests = new LinkedHashMap<>();
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (!relative.equals(Origin.CHECKSUMS_FILE)) {
                digests.put(relative, sha256(file));
            }
        }
        return digests;
    }

    public static String format(Map<String, String> digests) {
        StringBuilder text = new StringBuilder();
        digests.forEach((path, hex) -> text.append(hex).append("  ").append(path).append('\n'));
        return text.toString();
    }

    public static Map<String, String> parse(String manifest) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String line : manifest.split("\n")) {
            if (line.isBlank()) continue;
            int gap = line.indexOf("  ");
            if (gap != 64) {
                throw new IllegalArgumentException("not a sha256sum line: " + line);
            }
            digests.put(line.substring(gap + 2), line.substring(0, gap));
        }
        return digests;
    }

    /** Reads {@code root/checksums.sha256} and re-digests every file; returns the first mismatch, or null. */
    public static @org.jspecify.annotations.Nullable String verify(Path root) throws IOException {
        Map<String, String> expected =
                parse(Files.readString(root.resolve(Origin.CHECKSUMS_FILE), StandardCharsets.UTF_8));
        Map<String, String> actual = digestTree(root);
        if (!expected.keySet().equals(actual.keySet())) {
            return "file set differs from the manifest: expected " + expected.size() + " files, found " + actual.size();
        }
        for (var entry : expected.entrySet()) {
            if (!entry.getValue().equals(actual.get(entry.getKey()))) {
                return "checksum mismatch for " + entry.getKey();
            }
        }
        return null;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
