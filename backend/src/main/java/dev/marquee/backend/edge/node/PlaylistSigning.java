package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeUrlSigner;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Token inheritance for playlists: a playlist fetched with a valid signature is served with every URI line
 * (variant playlists, segments) signed for the same expiry and session, so one signed master path opens the whole
 * title. Each URI keeps its relative spelling and gains {@code ?exp=…&sid=…&sig=…}, where the signature covers the
 * absolute path the URI resolves to against the playlist's own path (what the player will request).
 *
 * <p>It leaves tags alone, {@code EXT-X-KEY} included (the key URI points at the licence service, not at an edge),
 * and it leaves a URI line as written when it is absolute, already has a query, or resolves to a path that no node
 * would serve (traversal, odd characters): signing those would only make them look legitimate. A playlist with
 * nothing to sign comes back as the same bytes. Pure and stateless.
 */
final class PlaylistSigning {

    /** Only used to resolve paths, never contacted. */
    private static final String RESOLUTION_ROOT = "http://edge.invalid";

    private PlaylistSigning() {}

    /** Whether a key names a playlist whose URIs get signed. */
    static boolean isPlaylist(String key) {
        return key.endsWith(".m3u8");
    }

    /**
     * @param playlist      the playlist as stored (UTF-8)
     * @param playlistPath  the absolute path it was requested at, without query, e.g. {@code /titles/t/master.m3u8}
     * @param expiresEpochS the expiry of the request's signature, copied unchanged
     * @param session       the session of the request's signature, copied unchanged
     */
    static byte[] sign(byte[] playlist, String playlistPath, long expiresEpochS, String session, EdgeUrlSigner signer) {
        String text = new String(playlist, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 256);
        boolean changed = false;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int lineEnd = end < 0 ? text.length() : end;
            if (lineEnd > start && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            String line = text.substring(start, lineEnd);
            String signed = signLine(line, playlistPath, expiresEpochS, session, signer);
            changed |= !signed.equals(line);
            out.append(signed);
            out.append(text, lineEnd, next); // the line's own terminator, "\n", "\r\n" or none
            start = next;
        }
        // Nothing to sign (no URI lines, or not text at all): the stored bytes exactly, not a lossy re-encoding.
        return changed ? out.toString().getBytes(StandardCharsets.UTF_8) : playlist;
    }

    private static String signLine(String line, String playlistPath, long exp, String session, EdgeUrlSigner signer) {
        String uri = line.strip();
        if (uri.isEmpty() || uri.startsWith("#") || uri.indexOf('?') >= 0 || uri.indexOf(':') >= 0) {
            return line;
        }
        String resolved;
        try {
            resolved = new URI(RESOLUTION_ROOT + playlistPath).resolve(new URI(null, null, uri, null)).getRawPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return line;
        }
        if (resolved == null || ObjectKeys.keyOf(resolved) == null) {
            return line;
        }
        return uri + "?exp=" + exp + "&sid=" + session + "&sig=" + signer.signature(resolved, exp, session);
    }
}
