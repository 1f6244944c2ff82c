package dev.marquee.player.engine;

import java.nio.ByteBuffer;

/**
 * The rendering seam between the engine and a screen: the {@link MediaSink} paints each decoded picture into a
 * pixel buffer and hands it here. The UI adapts it (e.g. to a JavaFX {@code WritableImage} with
 * {@code PixelFormat.getByteBgraPreInstance()}); the engine knows no toolkit.
 *
 * <p>Threads: both methods are called on libvlc's video thread. {@link #frame} must copy what it needs before
 * returning (the buffer is reused for the next picture) and must not block; hop to the UI thread afterwards.
 */
public interface FrameSurface {

    /** A surface that shows nothing (headless tests, benchmarks). */
    FrameSurface NONE = new FrameSurface() {
        @Override
        public void format(int width, int height) {
        }

        @Override
        public void frame(ByteBuffer bgra, int width, int height) {
        }
    };

    /**
     * The pixel buffer's size, set once per playback: the top rung's playlist {@code RESOLUTION}, so lower
     * rungs are scaled into it and the aspect ratio is the title's (not VLC's padded decoding size).
     */
    void format(int width, int height);

    /** One picture: {@code width × height} pixels, 4 bytes each in B, G, R, A order, rows of {@code width × 4}. */
    void frame(ByteBuffer bgra, int width, int height);
}
