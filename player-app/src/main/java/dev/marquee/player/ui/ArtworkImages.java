package dev.marquee.player.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * The artwork images the screens show, loaded in the background by JavaFX and kept in a least-recently-used
 * map so that scrolling back, reopening a title or a search grid does not fetch or decode them again. Artwork
 * URLs carry the title's revision, so a cached image never goes stale. FX thread only.
 */
final class ArtworkImages {
    /**
     * Decoded images kept. A 160×240 poster is ~150 KB of pixels, so 200 of them cost ~30 MB: enough for the
     * rows of a home screen plus a search grid, small next to the video buffers.
     */
    static final int CAPACITY = 200;

    private final Map<String, Image> images = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The image at {@code url} scaled to fit {@code width}×{@code height}, loading in the background if new. */
    Image get(String url, double width, double height) {
        String key = url + "@" + width + "x" + height;
        Image cached = images.get(key);
        if (cached != null && !cached.isError()) {
            return cached;
        }
        Image loading = new Image(url, width, height, true, true, true);
        images.put(key, loading);
        return loading;
    }

    int size() {
        return images.size();
    }
}
