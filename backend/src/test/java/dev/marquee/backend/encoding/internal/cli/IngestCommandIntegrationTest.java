package dev.marquee.backend.encoding.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.testsupport.TestMasters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./marquee ingest} against a running backend: sign in with the SRE account from the credentials file that
 * the backend wrote at its first start, upload, follow to the end.
 */
class IngestCommandIntegrationTest extends BackendIntegrationSupport {
    @TempDir Path dir;

    @Test
    void uploadsFollowsAndSucceedsForAPlayableFile() throws Exception {
        Path master = TestMasters.make(dir.resolve("own.mp4"), TestMasters.flat(320, 180), 5, true);
        var out = new ByteArrayOutputStream();

        int status = command(out).run(IngestCommand.Args.parse(new String[] {
                master.toString(), "--title", "My Own Film", "--genre", "Drama, Comedy", "--year", "2024"}));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        // The command polls: a fast machine may finish a stage between two polls, so only the ends are certain.
        assertThat(printed).contains("queued", "COMPLETED", "SSIM", "PASSED", "published: titles/");
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
        return new IngestCommand("http://127.0.0.1:" + port, home, new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
