package dev.marquee.backend.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies edge URLs: HMAC-SHA256 over the object path, the expiry and the stream session, so that an
 * edge node can authorise a request with nothing but the shared key (no call to the control plane).
 * A signed URL looks like {@code /titles/<id>/720p/seg-00001.ts?exp=<epoch s>&sid=<session>&sig=<base64url>}.
 * It does not check that the path is well formed: the node rejects traversal before it verifies.
 *
 * <p>Thread-safe: each thread gets its own {@link Mac} and scratch buffers, so verifying a well-formed URL (every
 * request on an edge node) allocates nothing.
 */
public final class EdgeUrlSigner {

    /** 256-bit key: the HMAC-SHA256 block-size recommendation (RFC 2104 says at least the output length). */
    public static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte SEPARATOR = '\n';
    /** Session ids travel in a URL and in logs: keep them short and in a safe alphabet. */
    private static final int MAX_SESSION_CHARS = 128;

    /** HMAC-SHA256 output. */
    private static final int MAC_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final int SIGNATURE_CHARS = 43;
    /** Scratch for the MAC input of an ordinary path; longer ones grow it. */
    private static final int SCRATCH_BYTES = 256;

    private final SecretKeySpec key;
    private final ThreadLocal<PerThread> threads;

    public EdgeUrlSigner(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("edge signing key must have at least 16 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.threads = ThreadLocal.withInitial(() -> new PerThread(newMac()));
    }

    /** Reads a key file written by {@link #createKeyFile}; its content is the raw key. */
    public static EdgeUrlSigner fromKeyFile(Path file) throws IOException {
        return new EdgeUrlSigner(Files.readAllBytes(file));
    }

    /** Creates a random key file readable by its owner only (mode 600), unless one exists; returns its signer. */
    public static EdgeUrlSigner createKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, key, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return fromKeyFile(file);
    }

    /**
     * Returns {@code path?exp=..&sid=..&sig=..}.
     *
     * @param path    absolute object path, e.g. {@code /titles/42/720p/seg-00001.ts}
     * @param expires when the URL stops working
     * @param session stream session id ([A-Za-z0-9._:-], at most 128 characters)
     */
    public String sign(String path, Instant expires, String session) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (!isValidSession(session)) {
            throw new IllegalArgumentException("session id must match [A-Za-z0-9._:-]{1,128}: " + session);
        }
        long exp = expires.getEpochSecond();
        return path + "?exp=" + exp + "&sid=" + session + "&sig=" + signature(path, exp, session);
    }

    /** The base64url signature (no padding) of one (path, expiry, session) triple. */
    public String signature(String path, long expiresEpochS, String session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(path, expiresEpochS, session));
    }

    /** What {@link #verify} concluded. */
    public enum Verdict { VALID, MISSING, MALFORMED, FORGED, EXPIRED }

    /**
     * Checks a signature in constant time, then the expiry against {@code nowEpochS}.
     * A forged signature is reported as FORGED even when it is also expired, so probing learns nothing.
     */
    public Verdict verify(String path, String expParam, String session, String sigParam, long nowEpochS) {
        if (expParam == null || session == null || sigParam == null) {
            return Verdict.MISSING;
        }
        long exp;
        try {
            exp = Long.parseLong(expParam);
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        PerThread t = threads.get();
        byte[] given;
        if (sigParam.length() == SIGNATURE_CHARS && decodeSignature(sigParam, t.given)) {
            given = t.given;
        } else {
            try {
                given = Base64.getUrlDecoder().decode(sigParam); // not a well-formed signature: the slow path decides
            } catch (IllegalArgumentException e) {
                return Verdict.MALFORMED;
            }
        }
        if (!isValidSession(session)) {
            return Verdict.MALFORMED;
        }
        if (!MessageDigest.isEqual(given, macInto(t, path, exp, session))) {
            return Verdict.FORGED;
        }
        return exp < nowEpochS ? Verdict.EXPIRED : Verdict.VALID;
    }

    /** The MAC of (path, exp, session) in the thread's buffer, built without allocating for an ASCII path. */
    private static byte[] macInto(PerThread t, String path, long exp, String session) {
        int n = path.length() + 1 + 20 + 1 + session.length(); // a long has at most 20 characters with its sign
        if (t.input.length < n) {
            t.input = new byte[n];
        }
        byte[] in = t.input;
        int at = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 0x80) {
                byte[] mac = mac(t.mac, path, exp, session); // non-ASCII path (refused by nodes anyway): UTF-8 bytes
                System.arraycopy(mac, 0, t.expected, 0, MAC_BYTES);
                return t.expected;
            }
            in[at++] = (byte) c;
        }
        in[at++] = SEPARATOR;
        at = writeDecimal(in, at, exp);
        in[at++] = SEPARATOR;
        for (int i = 0; i < session.length(); i++) {
            in[at++] = (byte) session.charAt(i); // isValidSession: ASCII only
        }
        t.mac.update(in, 0, at);
        try {
            t.mac.doFinal(t.expected, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException("HMAC-SHA256 output is " + MAC_BYTES + " bytes", e);
        }
        return t.expected;
    }

    /** Writes {@code value} as {@link Long#toString(long)} would; returns the new end. */
    private static int writeDecimal(byte[] out, int at, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                byte[] digits = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(digits, 0, out, at, digits.length);
                return at + digits.length;
            }
            out[at++] = '-';
            value = -value;
        }
        int start = at;
        do {
            out[at++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = at - 1; i < j; i++, j--) {
            byte b = out[i];
            out[i] = out[j];
            out[j] = b;
        }
        return at;
    }

    /**
     * Decodes 43 base64url characters into 32 bytes as {@link Base64#getUrlDecoder()} does (the last character's
     * two spare bits ignored); false when a character is outside the alphabet.
     */
    private static boolean decodeSignature(String sig, byte[] out) {
        int bits = 0;
        int held = 0;
        int at = 0;
        for (int i = 0; i < SIGNATURE_CHARS; i++) {
            int v = base64UrlValue(sig.charAt(i));
            if (v < 0) {
                return false;
            }
            bits = (bits << 6) | v;
            held += 6;
            if (held >= 8) {
                held -= 8;
                out[at++] = (byte) (bits >> held);
            }
        }
        return at == MAC_BYTES;
    }

    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    /** One thread's MAC and buffers. */
    private static final class PerThread {
        final Mac mac;
        final byte[] given = new byte[MAC_BYTES];
        final byte[] expected = new byte[MAC_BYTES];
        byte[] input = new byte[SCRATCH_BYTES];

        PerThread(Mac mac) {
            this.mac = mac;
        }
    }

    private byte[] mac(String path, long exp, String session) {
        return mac(threads.get().mac, path, exp, session);
    }

    private static byte[] mac(Mac mac, String path, long exp, String session) {
        mac.update(path.getBytes(StandardCharsets.UTF_8));
        mac.update(SEPARATOR);
        mac.update(Long.toString(exp).getBytes(StandardCharsets.US_ASCII));
        mac.update(SEPARATOR);
        mac.update(session.getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal();
    }

    static boolean isValidSession(String session) {
        int n = session.length();
        if (n == 0 || n > MAX_SESSION_CHARS) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = session.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
