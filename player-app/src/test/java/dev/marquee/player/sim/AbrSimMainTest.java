package dev.marquee.player.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AbrSimMainTest {

    @TempDir
    Path dir;

    /** A steady 3 Mbit/s link and a flat six-rung video of 48 chunks. */
    private void writeData() throws IOException {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        StringBuilder steady = new StringBuilder();
        for (int t = 0; t <= 300; t++) {
            steady.append(t).append('\t').append("3.0\n");
        }
        Files.writeString(traces.resolve("steady"), steady);
        Path video = Files.createDirectories(dir.resolve("video"));
        for (int r = 0; r < SessionSetup.REFERENCE_LADDER_KBPS.length; r++) {
            long bytes = SessionSetup.REFERENCE_LADDER_KBPS[r] * 1000 * 4 / 8;
            Files.writeString(video.resolve("video_size_" + r), (bytes + "\n").repeat(49));
        }
    }

    private String[] run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = AbrSimMain.run(args, new ByteArrayInputStream(new byte[0]), out, err);
        return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsPerTraceAndMeanFigures() throws IOException {
        writeData();
        String[] r = run("--traces", dir.resolve("traces").toString(), "--video", dir.resolve("video").toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("steady").contains("mean_qoe").contains("marquee")
                .contains("where the link allows");
    }

    @Test
    void writesJsonThatAgreesWithTheSimulator() throws IOException {
        writeData();
        String[] r = run("--traces", dir.resolve("traces").toString(), "--video", dir.resolve("video").toString(),
                "--algo", "bb", "--json");
        JsonNode json = JsonMapper.builder().build().readTree(r[1]);
        SessionResult direct = Simulator.simulate(Trace.load(dir.resolve("traces/steady")),
                SessionSetup.loadReferenceVideo(dir.resolve("video")), new BufferBasedPolicy());
        assertThat(json.get("algo").asString()).isEqualTo("bb");
        assertThat(json.get("mean_qoe").asDouble()).isEqualTo(direct.qoe());
        assertThat(json.get("sessions").get(0).get("switches").asInt()).isEqualTo(direct.switches());
    }

    @Test
    void splitsTheTracesIntoATuneAndACheckHalf() throws IOException {
        writeData();
        Files.copy(dir.resolve("traces/steady"), dir.resolve("traces/steady-too"));
        String[] tune = run("--traces", dir.resolve("traces").toString(), "--video", dir.resolve("video").toString(),
                "--half", "tune", "--json");
        String[] check = run("--traces", dir.resolve("traces").toString(), "--video",
                dir.resolve("video").toString(), "--half", "check", "--json");
        var mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(tune[1]).get("sessions").get(0).get("trace").asString()).isEqualTo("steady");
        assertThat(mapper.readTree(check[1]).get("sessions").get(0).get("trace").asString())
                .isEqualTo("steady-too");
        assertThat(run("--traces", "x", "--video", "y", "--half", "odd")[2]).contains("'tune' or 'check'");
    }

    @Test
    void saysWhatIsMissing() {
        String[] r = run("--traces", dir.resolve("nowhere").toString(), "--video", dir.toString());
        assertThat(r[0]).isEqualTo(String.valueOf(AbrSimMain.EXIT_USAGE));
        assertThat(r[2]).contains("trace directory not found");
        assertThat(run("--json")[2]).contains("--traces and --video are required");
    }
}
