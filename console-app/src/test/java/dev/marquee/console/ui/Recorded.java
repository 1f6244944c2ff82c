package dev.marquee.console.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON recorded from a running backend (curl with an SRE token), under {@code src/test/resources/.../recorded}. */
final class Recorded {
    private Recorded() {}

    static String json(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/dev/marquee/console/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
