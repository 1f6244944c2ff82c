package dev.marquee.player.ui;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VideoSurface} drawn into a {@link WritableImage}. The decoding thread copies each frame into a
 * spare buffer; the FX thread writes only the newest one, so a slow FX thread drops frames instead of queueing.
 */
final class ImageVideoSurface implements VideoSurface {
    private final ReadOnlyObjectWrapper<@Nullable Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final AtomicBoolean drawPending = new AtomicBoolean();
    private final Object lock = new Object();
    private int width;
    private int height;
    private byte[] latest = new byte[0];
    private byte[] drawing = new byte[0];

    @Override
    public void format(int width, int height) {
        synchronized (lock) {
            this.width = width;
            this.height = height;
            latest = new byte[width * height * 4];
            drawing = new byte[latest.length];
        }
        Platform.runLater(() -> image.set(new WritableImage(width, height)));
    }

    @Override
    public void frame(ByteBuffer bgraPremultiplied) {
        synchronized (lock) {
            if (bgraPremultiplied.remaining() < latest.length) {
                return; // a frame of the old size after a format change: skip it
            }
            bgraPremultiplied.slice().get(latest);
        }
        if (drawPending.compareAndSet(false, true)) {
            Platform.runLater(this::draw);
        }
    }

    private void draw() {
        drawPending.set(false);
        Image target = image.get();
        int w;
        int h;
        synchronized (lock) {
            byte[] swap = drawing;
            drawing = latest;
            latest = swap;
            w = width;
            h = height;
        }
        if (target instanceof WritableImage writable && writable.getWidth() == w && writable.getHeight() == h) {
            writable.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), drawing, 0, w * 4);
        }
    }

    ReadOnlyObjectProperty<@Nullable Image> imageProperty() {
        return image.getReadOnlyProperty();
    }
}
