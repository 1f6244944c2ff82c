package dev.marquee.player.engine;

import dev.marquee.player.engine.Manifest.KeyInfo;
import dev.marquee.player.engine.Manifest.MasterPlaylist;
import dev.marquee.player.engine.Manifest.MediaPlaylist;
import dev.marquee.player.engine.Manifest.SegmentReference;
import dev.marquee.player.engine.Manifest.VariantStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses HLS (RFC 8216) master and media playlists into {@link Manifest} values: the subset Marquee's packager
 * writes (VOD, MPEG-TS segments, AES-128). Relative URIs are resolved against the playlist's own path so that
 * they can be fetched from any edge. It does not fetch anything; errors name the line.
 */
public final class ManifestParser {

    private static final String HEADER = "#EXTM3U";
    private static final long US_PER_S = 1_000_000L;
    private static final int IV_BYTES = 16;
    /** Any host: only used to resolve paths, never contacted. */
    private static final URI RESOLUTION_ROOT = URI.create("http://edge.invalid/");

    /** @param playlistPath path (and query) of the playlist on the edge, to resolve relative URIs against */
    public MasterPlaylist parseMaster(String text, String playlistPath) throws ManifestException {
        List<String> lines = lines(text);
        List<VariantStream> variants = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("#EXT-X-STREAM-INF:")) {
                continue;
            }
            Map<String, String> attrs = attributes(line.substring(line.indexOf(':') + 1), i);
            String bandwidth = attrs.get("BANDWIDTH");
            if (bandwidth == null) {
                throw new ManifestException("line " + (i + 1) + ": EXT-X-STREAM-INF without BANDWIDTH");
            }
            int width = 0;
            int height = 0;
            String resolution = attrs.get("RESOLUTION");
            if (resolution != null) {
                String[] wh = resolution.split("x");
                if (wh.length != 2) {
                    throw new ManifestException("line " + (i + 1) + ": RESOLUTION must be WxH, was " + resolution);
                }
                width = parseInt(wh[0], i);
                height = parseInt(wh[1], i);
            }
            if (i + 1 >= lines.size() || lines.get(i + 1).startsWith("#")) {
                throw new ManifestException("line " + (i + 1) + ": EXT-X-STREAM-INF not followed by a URI");
            }
            variants.add(new VariantStream(resolve(playlistPath, lines.get(i + 1)), parseLong(bandwidth, i),
                    attrs.containsKey("AVERAGE-BANDWIDTH") ? parseLong(attrs.get("AVERAGE-BANDWIDTH"), i) : 0,
                    width, height, attrs.getOrDefault("CODECS", "")));
        }
        if (variants.isEmpty()) {
            throw new ManifestException("master playlist has no EXT-X-STREAM-INF variant");
        }
        variants.sort(Comparator.comparingLong(VariantStream::bandwidthBps));
        return new MasterPlaylist(variants);
    }

    /** @param playlistPath path (and query) of the playlist on the edge, to resolve relative URIs against */
    public MediaPlaylist parseMedia(String text, String playlistPath) throws ManifestException {
        List<String> lines = lines(text);
        long targetDurationUs = -1;
        long mediaSequence = 0;
        boolean endList = false;
        KeyInfo key = null;
        Map<String, String> keyAttrs = null;
        long pendingDurationUs = -1;
        List<SegmentReference> segments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                targetDurationUs = parseLong(value(line), i) * US_PER_S;
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                mediaSequence = parseLong(value(line), i);
            } else if (line.startsWith("#EXT-X-KEY:")) {
                keyAttrs = attributes(value(line), i);
                String method = keyAttrs.get("METHOD");
                if ("NONE".equals(method)) {
                    keyAttrs = null;
                } else if (!"AES-128".equals(method)) {
                    throw new ManifestException("line " + (i + 1) + ": unsupported key METHOD " + method);
                } else if (!keyAttrs.containsKey("URI")) {
                    throw new ManifestException("line " + (i + 1) + ": AES-128 key without URI");
                }
            } else if (line.startsWith("#EXTINF:")) {
                String duration = value(line);
                int comma = duration.indexOf(',');
                try {
                    double seconds = Double.parseDouble(comma >= 0 ? duration.substring(0, comma) : duration);
                    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                        throw new NumberFormatException();
                    }
                    pendingDurationUs = Math.round(seconds * US_PER_S);
                } catch (NumberFormatException e) {
                    throw new ManifestException("line " + (i + 1) + ": bad EXTINF duration '" + duration + "'");
                }
            } else if (line.equals("#EXT-X-ENDLIST")) {
                endList = true;
            } else if (!line.startsWith("#")) {
                if (pendingDurationUs < 0) {
                    throw new ManifestException("line " + (i + 1) + ": segment URI without EXTINF");
                }
                int index = segments.size();
                if (keyAttrs != null) {
                    key = new KeyInfo("AES-128", resolve(playlistPath, keyAttrs.get("URI")),
                            keyAttrs.containsKey("IV") ? iv(keyAttrs.get("IV"), i) : sequenceIv(mediaSequence + index));
                } else {
                    key = null;
                }
                segments.add(new SegmentReference(index, resolve(playlistPath, line), pendingDurationUs, key));
                pendingDurationUs = -1;
            }
        }
        if (targetDurationUs < 0) {
            throw new ManifestException("media playlist without EXT-X-TARGETDURATION");
        }
        if (segments.isEmpty()) {
            throw new ManifestException("media playlist has no segment");
        }
        return new MediaPlaylist(targetDurationUs, mediaSequence, segments, endList);
    }

    private static List<String> lines(String text) throws ManifestException {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new ManifestException("not an HLS playlist: first line must be " + HEADER);
        }
        return lines;
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1);
    }

    /** Attribute lists: {@code KEY=value,KEY="quoted, with commas"}. */
    static Map<String, String> attributes(String list, int lineIndex) throws ManifestException {
        Map<String, String> attrs = new LinkedHashMap<>();
        int i = 0;
        while (i < list.length()) {
            int eq = list.indexOf('=', i);
            if (eq < 0) {
                throw new ManifestException("line " + (lineIndex + 1) + ": attribute without '=' in '" + list + "'");
            }
            String name = list.substring(i, eq).strip();
            String val;
            if (eq + 1 < list.length() && list.charAt(eq + 1) == '"') {
                int close = list.indexOf('"', eq + 2);
                if (close < 0) {
                    throw new ManifestException("line " + (lineIndex + 1) + ": unterminated quote in '" + list + "'");
                }
                val = list.substring(eq + 2, close);
                i = close + 1;
            } else {
                int comma = list.indexOf(',', eq);
                val = list.substring(eq + 1, comma < 0 ? list.length() : comma);
                i = comma < 0 ? list.length() : comma;
            }
            attrs.put(name, val);
            if (i < list.length() && list.charAt(i) == ',') {
                i++;
            }
        }
        return attrs;
    }

    private static byte[] iv(String hex, int lineIndex) throws ManifestException {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        try {
            byte[] iv = HexFormat.of().parseHex(digits);
            if (iv.length != IV_BYTES) {
                throw new IllegalArgumentException();
            }
            return iv;
        } catch (IllegalArgumentException e) {
            throw new ManifestException("line " + (lineIndex + 1) + ": IV must be 32 hex digits, was " + hex);
        }
    }

    private static byte[] sequenceIv(long sequence) {
        return ByteBuffer.allocate(IV_BYTES).putLong(8, sequence).array();
    }

    private static String resolve(String playlistPath, String uri) {
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return uri;
        }
        URI resolved = RESOLUTION_ROOT.resolve(playlistPath).resolve(uri);
        return resolved.getRawPath() + (resolved.getRawQuery() != null ? "?" + resolved.getRawQuery() : "");
    }

    private static long parseLong(String s, int lineIndex) throws ManifestException {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new ManifestException("line " + (lineIndex + 1) + ": not a number: '" + s + "'");
        }
    }

    private static int parseInt(String s, int lineIndex) throws ManifestException {
        return Math.toIntExact(parseLong(s, lineIndex));
    }
}
