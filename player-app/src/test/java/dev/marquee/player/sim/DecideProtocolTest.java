package dev.marquee.player.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecideProtocolTest {

    private static final String START = """
            {"type":"start","ladder_kbps":[300,750,1200,1850,2850,4300],"chunk_len_s":4.0,"n_chunks":3,\
            "chunk_sizes_bytes":[[150000,150000,150000],[375000,375000,375000],[600000,600000,600000],\
            [925000,925000,925000],[1425000,1425000,1425000],[2150000,2150000,2150000]],"video":"ignored"}""";

    private static String decide(int chunk, double bufferS, int lastRung) {
        return """
                {"type":"decide","chunk_index":%d,"buffer_s":%s,"last_rung":%d,"throughput_kbps":[2000.0],\
                "download_time_s":[1.58],"next_chunk_sizes_bytes":[150000,375000,600000,925000,1425000,2150000],\
                "harness_note":"unknown fields are ignored"}""".formatted(chunk, bufferS, lastRung);
    }

    private record Run(int exit, List<String> out, String err) {}

    private static Run run(String input, String... args) {
        var in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = AbrSimMain.run(args, in, out, err);
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void answersEachDecideWithOneRungAndStopsAtBye() {
        String input = String.join("\n", START, decide(1, 20.0, 1), "{\"type\":\"progress\",\"x\":1}",
                decide(2, 2.0, 5), "{\"type\":\"end\"}", "{\"type\":\"bye\"}", START, decide(1, 20.0, 1));
        Run run = run(input, "--decide", "--algo", "bb");
        assertThat(run.exit()).isZero();
        // buffer-based: 20 s is above reservoir + cushion (top rung), 2 s below the reservoir (lowest)
        assertThat(run.out()).containsExactly("5", "0");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void drivesThePlayersOwnPolicyByDefault() {
        // no chunk sizes in this start: the protocol assumes bitrate × duration
        String start = "{\"type\":\"start\",\"ladder_kbps\":[300,750,1200,1850,2850,4300],\"n_chunks\":48}";
        String input = String.join("\n", start, decide(1, 4.0, 1), decide(2, 50.0, 1), "{\"type\":\"bye\"}");
        Run run = run(input, "--decide");
        assertThat(run.out()).hasSize(2).allSatisfy(line -> assertThat(line).matches("[0-5]"));
        // with 50 s of buffer on a 2 Mbit/s link the player's policy leaves the 750 kbit/s rung
        assertThat(Integer.parseInt(run.out().get(1))).isGreaterThan(1);
    }

    @Test
    void reportsBadLinesAndStillAnswersEveryDecide() {
        String input = String.join("\n", "not json", decide(1, 10.0, 1), START, "[1,2]", decide(1, 20.0, 1),
                "{\"type\":\"bye\"}");
        Run run = run(input, "--decide", "--algo", "bb");
        assertThat(run.out()).containsExactly("0", "5");
        assertThat(run.err()).contains("line 1: not JSON").contains("line 2: decide before a valid start")
                .contains("line 4: expected a JSON object");
    }

    @Test
    void endsCleanlyWhenTheInputEndsWithoutBye() {
        Run run = run(String.join("\n", START, decide(1, 20.0, 1)), "--decide", "--algo", "bb");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsExactly("5");
    }

    @Test
    void rejectsAnUnknownAlgorithmWithTheKnownOnes() {
        Run run = run("", "--decide", "--algo", "magic");
        assertThat(run.exit()).isEqualTo(AbrSimMain.EXIT_USAGE);
        assertThat(run.err()).contains("unknown algorithm 'magic'").contains("marquee").contains("bola");
    }
}
