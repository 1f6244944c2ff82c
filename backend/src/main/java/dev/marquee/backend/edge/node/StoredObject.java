package dev.marquee.backend.edge.node;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import java.nio.file.Path;
import java.util.Date;
import java.util.Objects;

/**
 * An object on a node's disk with its response headers computed once (not per request).
 * The ETag derives from length and modification second, and a fill copies the upstream's Last-Modified onto
 * the cached file, so the origin and every cache agree on an object's ETag without storing it separately.
 * {@code headerBlock} is those headers (ETag, Last-Modified, Cache-Control, Accept-Ranges, Server, Content-Type)
 * encoded as response bytes, written as is into every response with the object's bytes.
 * Equality is that of the object on disk (key, file, length, modification time): the other fields derive from it.
 */
record StoredObject(
        String key,
        Path file,
        long length,
        long lastModifiedMs,
        AsciiString etag,
        AsciiString lastModified,
        AsciiString contentType,
        AsciiString cacheControl,
        AsciiString contentLength,
        byte[] contentLengthBytes,
        byte[] headerBlock) {

    /** Segments never change once published: let every cache keep them for a year (RFC 8246 immutable). */
    static final AsciiString CACHE_SEGMENT = AsciiString.cached("public, max-age=31536000, immutable");
    /** Playlists may be re-published (a re-encode); players re-read them often anyway. */
    static final AsciiString CACHE_PLAYLIST = AsciiString.cached("public, max-age=10");
    static final AsciiString CACHE_OTHER = AsciiString.cached("public, max-age=3600");

    static StoredObject of(String key, Path file, long length, long lastModifiedMs) {
        long second = lastModifiedMs / 1000;
        AsciiString etag = AsciiString.of("\"" + Long.toHexString(length) + "-" + Long.toHexString(second) + "\"");
        AsciiString lastModified = AsciiString.of(DateFormatter.format(new Date(second * 1000)));
        AsciiString contentType = contentTypeOf(key);
        AsciiString cacheControl = cacheControlOf(key);
        byte[] block = ResponseWire.concat(
                ResponseWire.line("ETag", etag),
                ResponseWire.line("Last-Modified", lastModified),
                ResponseWire.line("Cache-Control", cacheControl),
                ResponseWire.line("Accept-Ranges", Responses.BYTES),
                ResponseWire.line("Server", Responses.SERVER),
                ResponseWire.line("Content-Type", contentType));
        String lengthText = Long.toString(length);
        return new StoredObject(key, file, length, second * 1000, etag, lastModified, contentType, cacheControl,
                AsciiString.of(lengthText), ResponseWire.ascii(lengthText), block);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredObject s && length == s.length && lastModifiedMs == s.lastModifiedMs
                && key.equals(s.key) && file.equals(s.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, file, length, lastModifiedMs);
    }

    static AsciiString cacheControlOf(String key) {
        if (key.endsWith(".m3u8") || key.endsWith(".mpd")) {
            return CACHE_PLAYLIST;
        }
        if (key.endsWith(".ts") || key.endsWith(".m4s") || key.endsWith(".mp4") || key.endsWith(".aac")) {
            return CACHE_SEGMENT;
        }
        return CACHE_OTHER;
    }

    private static final AsciiString M3U8 = AsciiString.cached("application/vnd.apple.mpegurl");
    private static final AsciiString TS = AsciiString.cached("video/mp2t");
    private static final AsciiString M4S = AsciiString.cached("video/iso.segment");
    private static final AsciiString MP4 = AsciiString.cached("video/mp4");
    private static final AsciiString JPEG = AsciiString.cached("image/jpeg");
    private static final AsciiString PNG = AsciiString.cached("image/png");
    private static final AsciiString WEBP = AsciiString.cached("image/webp");
    private static final AsciiString JSON = AsciiString.cached("application/json");
    private static final AsciiString VTT = AsciiString.cached("text/vtt");
    private static final AsciiString OCTETS = AsciiString.cached("application/octet-stream");

    static AsciiString contentTypeOf(String key) {
        String ext = key.substring(key.lastIndexOf('.') + 1);
        return switch (ext) {
            case "m3u8" -> M3U8;
            case "ts" -> TS;
            case "m4s" -> M4S;
            case "mp4" -> MP4;
            case "jpg", "jpeg" -> JPEG;
            case "png" -> PNG;
            case "webp" -> WEBP;
            case "json" -> JSON;
            case "vtt" -> VTT;
            default -> OCTETS;
        };
    }
}
