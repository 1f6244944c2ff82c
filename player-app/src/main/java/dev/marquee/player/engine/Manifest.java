package dev.marquee.player.engine;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** The parsed HLS playlists of one title, as the {@link StreamingEngine} uses them. Immutable values only. */
public final class Manifest {

    private Manifest() {
    }

    /**
     * One {@code EXT-X-STREAM-INF} entry of a master playlist.
     *
     * @param uri                  media playlist path (and query) relative to the edge root
     * @param bandwidthBps         {@code BANDWIDTH}: peak bitrate
     * @param averageBandwidthBps  {@code AVERAGE-BANDWIDTH}, or 0 when absent
     * @param width                {@code RESOLUTION} width, or 0 when absent
     * @param height               {@code RESOLUTION} height, or 0 when absent
     * @param codecs               {@code CODECS}, or empty
     */
    public record VariantStream(String uri, long bandwidthBps, long averageBandwidthBps, int width, int height,
                                String codecs) {
        /** The rung as the ABR policy sees it: average bitrate when given (it is what a segment costs on average). */
        public Variant toVariant() {
            return new Variant(height > 0 ? height + "p" : uri, averageBandwidthBps > 0 ? averageBandwidthBps : bandwidthBps,
                    height);
        }
    }

    /** A master playlist: variants sorted by bandwidth, lowest first (the ladder order the ABR policy expects). */
    public record MasterPlaylist(List<VariantStream> variants) {
        public MasterPlaylist {
            variants = List.copyOf(variants);
        }
    }

    /**
     * An {@code EXT-X-KEY}.
     *
     * @param method  {@code AES-128} (the only one decrypted) or {@code NONE}
     * @param uri     the key URI; its last path segment is the key id the licence names
     * @param iv      16 bytes: the {@code IV} attribute, else the media sequence number (RFC 8216 §5.2)
     */
    public record KeyInfo(String method, String uri, byte[] iv) {
        public String keyId() {
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return "KeyInfo[" + method + ", " + uri + ", iv=" + HexFormat.of().formatHex(iv) + "]";
        }
    }

    /**
     * One media segment.
     *
     * @param index       0-based position in the playlist
     * @param uri         path (and signed query) relative to the edge root, or an absolute URL
     * @param durationUs  {@code EXTINF} duration, microseconds
     * @param key         the key that encrypts it, or {@code null} when clear
     */
    public record SegmentReference(int index, String uri, long durationUs, KeyInfo key) {
        public SegmentReference {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** A media playlist. */
    public record MediaPlaylist(long targetDurationUs, long mediaSequence, List<SegmentReference> segments,
                                boolean endList) {
        public MediaPlaylist {
            segments = List.copyOf(segments);
        }

        public long totalDurationUs() {
            return segments.stream().mapToLong(SegmentReference::durationUs).sum();
        }
    }
}
