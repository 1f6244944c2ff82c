package dev.marquee.player.ui;

import java.nio.ByteBuffer;

/**
 * Where the engine's media sink draws decoded video: the playback screen implements it, the engine calls it.
 * Frames are 32-bit BGRA, premultiplied alpha (what libvlc's "RV32" chroma gives), rows packed without padding.
 * Both methods are called on the engine's decoding thread, never the FX thread; the surface copies what it needs
 * and returns at once. It knows nothing of the engine.
 */
public interface VideoSurface {

    /**
     * The size of the frames that follow, in pixels: the real picture size (from the playlist's
     * {@code RESOLUTION}), not a decoder's padded size. Called before the first frame and at every change.
     */
    void format(int width, int height);

    /** One frame of {@code width * height * 4} bytes from the buffer's position; not kept after the call. */
    void frame(ByteBuffer bgraPremultiplied);
}
