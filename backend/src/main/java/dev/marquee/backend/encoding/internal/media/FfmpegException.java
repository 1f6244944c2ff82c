package dev.marquee.backend.encoding.internal.media;

import java.io.IOException;

/** An ffmpeg or ffprobe run that failed; the message carries the tool's last error lines. */
public class FfmpegException extends IOException {
    public FfmpegException(String message) {
        super(message);
    }
}
