package dev.marquee.player.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadMainTest {

    @TempDir
    Path dir;

    @Test
    void parsesEveryOption() throws Exception {
        UUID title = UUID.randomUUID();
        LoadMain.Command c = LoadMain.parse(new String[] {"--viewers", "20", "--duration", "60s", "--region", "us-east-1",
                "--isp", "comcast", "--title", title.toString(), "--prefix", "bench", "--json"});

        assertThat(c).isEqualTo(new LoadMain.Command(20, Duration.ofSeconds(60), "us-east-1", "comcast", title, "bench",
                null, true));
    }

    @Test
    void readsDurationsInTheUsualUnits() throws Exception {
        assertThat(LoadMain.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoadMain.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadMain.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LoadMain.duration("1500ms")).isEqualTo(Duration.ofMillis(1_500));
        assertThatThrownBy(() -> LoadMain.duration("soon")).hasMessageContaining("90s, 2m or 1h");
        assertThatThrownBy(() -> LoadMain.duration("99999999999999999999s")).hasMessageContaining("too long");
    }

    @Test
    void refusesABadCommandLineWithUsageAndStatus2WithoutTouchingTheNetwork() throws Exception {
        for (String[] bad : new String[][] {{"--viewers", "20"}, {"--viewers", "many", "--duration", "60s"},
                {"--viewers", "0", "--duration", "60s"}, {"--viewers", "3", "--duration", "3h"},
                {"--viewers", "3", "--duration", "60s", "--region", "not a region"}, {"--viewers", "3", "--fast"},
                {"--viewers", "3", "--duration", "60s", "--title", "x"}, {"--viewers"}}) {
            var err = new ByteArrayOutputStream();
            int status = LoadMain.run(bad, Map.of("MARQUEE_SRE_EMAIL", "sre@x", "MARQUEE_SRE_PASSWORD", "pw"),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("marquee load: ").contains("usage: ./marquee load");
        }
    }

    @Test
    void takesTheSreFromTheCredentialsFileTheBackendWrote() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"),
                "viewer.email=v@marquee.local\nviewer.password=a\nsre.email=sre@marquee.local\nsre.password=b\n");
        LoadMain.Command c = LoadMain.parse(new String[] {"--viewers", "1", "--duration", "10s", "--credentials",
                file.toString()});

        assertThat(LoadMain.credentials(c, Map.of())).isEqualTo(new Fleet.Credentials("sre@marquee.local", "b"));
        assertThat(LoadMain.credentials(c, Map.of()).toString()).doesNotContain("b]").contains("password hidden");
    }

    @Test
    void saysHowToGetCredentialsWhenThereAreNone() throws Exception {
        LoadMain.Command c = LoadMain.parse(new String[] {"--viewers", "1", "--duration", "10s", "--credentials",
                dir.resolve("missing").toString()});

        assertThatThrownBy(() -> LoadMain.credentials(c, Map.of())).hasMessageContaining("MARQUEE_SRE_EMAIL");
    }
}
