package dev.marquee.backend.encoding.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.testsupport.TestMasters;
import dev.marquee.backend.testsupport.TestSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code ./marquee ingest} against a running backend: sign in from the credentials file, upload, follow to the end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "marquee.encoding.sample-catalog.enabled=false",
        "marquee.encoding.preset=ultrafast",
        "marquee.encoding.analysis-excerpt=3s"})
@Import({TestSecurity.class, IngestCommandIntegrationTest.FakeSignIn.class})
class IngestCommandIntegrationTest {
    static final String EMAIL = "sre@example.test";
    static final String PASSWORD = "correct horse battery staple";
    static final Path HOME = tempHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("marquee.home", HOME::toString);
    }

    static Path tempHome() {
        try {
            Path home = Files.createTempDirectory("marquee-ingest-it-");
            Files.writeString(home.resolve("credentials"), "sre.email=" + EMAIL + "\nsre.password=" + PASSWORD + "\n");
            return home;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands in for the identity module's sign-in: the real one checks a password hash and issues the same kind of token. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class FakeSignIn {
        @PostMapping("/api/auth/sign-in")
        ResponseEntity<?> signIn(@RequestBody Map<String, String> body) {
            if (!EMAIL.equals(body.get("email")) || !PASSWORD.equals(body.get("password"))) return ResponseEntity.status(401).build();
            return ResponseEntity.ok(Map.of("accessToken", TestSecurity.token(EMAIL, "SRE"), "tokenType", "Bearer"));
        }
    }

    @LocalServerPort int port;
    @TempDir Path dir;

    @Test
    void uploadsFollowsAndSucceedsForAPlayableFile() throws Exception {
        Path master = TestMasters.make(dir.resolve("own.mp4"), TestMasters.flat(320, 180), 5, true);
        var out = new ByteArrayOutputStream();

        int status = command(out).run(IngestCommand.Args.parse(new String[] {
                master.toString(), "--title", "My Own Film", "--genre", "Drama, Comedy", "--year", "2024"}));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("ANALYSING", "ENCODING", "COMPLETED", "SSIM", "published: titles/");
    }

    @Test
    void exitsNonZeroWithTheReasonForAFileThatIsNotAVideo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "shopping list\n".repeat(50));
        var out = new ByteArrayOutputStream();

        int status = command(out).run(IngestCommand.Args.parse(new String[] {text.toString(), "--title", "Not a film"}));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED");
    }

    private IngestCommand command(ByteArrayOutputStream out) {
        return new IngestCommand("http://127.0.0.1:" + port, HOME, new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
