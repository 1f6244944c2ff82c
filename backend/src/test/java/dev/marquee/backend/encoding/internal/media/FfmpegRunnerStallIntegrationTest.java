package dev.marquee.backend.encoding.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child process that goes silent (a hung input, a wedged filter) is killed, and the run fails instead of hanging. */
class FfmpegRunnerStallIntegrationTest {

    @Test
    void killsAProcessThatPrintsNothingForTheStallTimeout(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("pid");
        Path hung = dir.resolve("hung-ffprobe");
        Files.writeString(hung, "#!/bin/sh\necho started\necho $$ > " + pid + "\nexec sleep 600\n");
        Files.setPosixFilePermissions(hung, PosixFilePermissions.fromString("rwx------"));
        FfmpegRunner runner = new FfmpegRunner("ffmpeg", hung.toString(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> runner.ffprobe(List.of("whatever.mp4")))
                .isInstanceOf(FfmpegException.class)
                .hasMessageContaining("printed nothing for 1 s");

        assertThat(runner.runningProcesses()).isZero();
        long sleeper = Long.parseLong(Files.readString(pid).strip());
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).as("the hung process is gone").isFalse();
    }

    @Test
    void aProcessThatKeepsTalkingIsNotAStall(@TempDir Path dir) throws Exception {
        Path chatty = dir.resolve("chatty-ffprobe");
        Files.writeString(chatty, "#!/bin/sh\nfor i in 1 2 3 4 5 6; do echo tick $i; sleep 0.4; done\n");
        Files.setPosixFilePermissions(chatty, PosixFilePermissions.fromString("rwx------"));
        FfmpegRunner runner = new FfmpegRunner("ffmpeg", chatty.toString(), Duration.ofSeconds(1));

        FfmpegRunner.Result result = runner.ffprobe(List.of());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(6);
    }
}
