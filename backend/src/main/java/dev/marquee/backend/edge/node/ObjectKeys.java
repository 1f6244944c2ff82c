package dev.marquee.backend.edge.node;

import org.jspecify.annotations.Nullable;

/**
 * Turns a request path into an object key, refusing anything that could leave the node's directory.
 * Keys are relative paths such as {@code titles/<id>/720p/seg-00001.ts}: segments of {@code [A-Za-z0-9._-]},
 * none empty, none starting with a dot (no {@code ..}, no hidden or temporary files), no percent-escapes at all
 * (so there is no second, decoded spelling of a path to sign or to check).
 */
final class ObjectKeys {

    /** Deep enough for titles/<id>/<rendition>/<segment>, far below any file-system limit. */
    static final int MAX_DEPTH = 16;
    /** Object keys are short; a longer path is an attack or a bug. */
    static final int MAX_KEY_CHARS = 512;

    private ObjectKeys() {}

    /** The key for {@code path} (which starts with '/'), or null when the path is not a safe key. */
    static @Nullable String keyOf(String path) {
        int n = path.length();
        if (n < 2 || n > MAX_KEY_CHARS || path.charAt(0) != '/') {
            return null;
        }
        int depth = 0;
        boolean segmentStart = true;
        for (int i = 1; i < n; i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (segmentStart) {
                    return null; // empty segment: "//" or a trailing slash
                }
                segmentStart = true;
                continue;
            }
            if (segmentStart) {
                if (c == '.' || ++depth > MAX_DEPTH) {
                    return null;
                }
                segmentStart = false;
            }
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return null;
            }
        }
        return segmentStart ? null : path.substring(1);
    }

    /** The title id of a key under {@code titles/<id>/}, or null. */
    static @Nullable String titleOf(String key) {
        if (!key.startsWith("titles/")) {
            return null;
        }
        int end = key.indexOf('/', "titles/".length());
        return end < 0 ? null : key.substring("titles/".length(), end);
    }
}
