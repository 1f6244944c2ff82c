package dev.marquee.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeUrlSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long NOW_S = 1_800_000_000L;
    private final EdgeUrlSigner signer = new EdgeUrlSigner(KEY);

    @Test
    void acceptsWhatItSignedUntilExpiry() {
        String url = signer.sign("/titles/t1/720p/seg-00001.ts", Instant.ofEpochSecond(NOW_S + 60), "s-1");
        assertThat(url).startsWith("/titles/t1/720p/seg-00001.ts?exp=" + (NOW_S + 60) + "&sid=s-1&sig=");
        String sig = url.substring(url.indexOf("sig=") + 4);
        assertThat(signer.verify("/titles/t1/720p/seg-00001.ts", Long.toString(NOW_S + 60), "s-1", sig, NOW_S))
                .isEqualTo(EdgeUrlSigner.Verdict.VALID);
        assertThat(signer.verify("/titles/t1/720p/seg-00001.ts", Long.toString(NOW_S + 60), "s-1", sig, NOW_S + 61))
                .isEqualTo(EdgeUrlSigner.Verdict.EXPIRED);
    }

    @Test
    void refusesAnyChangedPartAsForged() {
        String sig = signer.signature("/titles/t1/a.ts", NOW_S + 60, "s-1");
        assertThat(signer.verify("/titles/t1/b.ts", Long.toString(NOW_S + 60), "s-1", sig, NOW_S))
                .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
        assertThat(signer.verify("/titles/t1/a.ts", Long.toString(NOW_S + 6000), "s-1", sig, NOW_S))
                .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
        assertThat(signer.verify("/titles/t1/a.ts", Long.toString(NOW_S + 60), "s-2", sig, NOW_S))
                .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
        EdgeUrlSigner other = new EdgeUrlSigner("another-key-of-32-bytes-........".getBytes(StandardCharsets.US_ASCII));
        assertThat(other.verify("/titles/t1/a.ts", Long.toString(NOW_S + 60), "s-1", sig, NOW_S))
                .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
    }

    @Test
    void verifiesExactlyTheSignaturesOfAPlainHmacOverManyUrls() throws Exception {
        javax.crypto.Mac reference = javax.crypto.Mac.getInstance("HmacSHA256");
        reference.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            String path = "/titles/t" + random.nextInt(1000) + "/720p/seg-" + "x".repeat(random.nextInt(300)) + ".ts";
            long exp = NOW_S + random.nextInt(100_000);
            String session = "s-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            String sig = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(reference.doFinal(
                    (path + "\n" + exp + "\n" + session).getBytes(StandardCharsets.US_ASCII)));
            assertThat(signer.verify(path, Long.toString(exp), session, sig, NOW_S)).isEqualTo(EdgeUrlSigner.Verdict.VALID);
            int at = random.nextInt(sig.length() - 1); // the last character also carries two spare bits
            char swapped = sig.charAt(at) == 'A' ? 'B' : 'A';
            String tampered = sig.substring(0, at) + swapped + sig.substring(at + 1);
            assertThat(signer.verify(path, Long.toString(exp), session, tampered, NOW_S))
                    .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
            assertThat(signer.verify(path + "x", Long.toString(exp), session, sig, NOW_S))
                    .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
        }
    }

    @Test
    void reportsMissingAndMalformedParameters() {
        assertThat(signer.verify("/a.ts", null, "s", "x", NOW_S)).isEqualTo(EdgeUrlSigner.Verdict.MISSING);
        assertThat(signer.verify("/a.ts", "soon", "s", "AAAA", NOW_S)).isEqualTo(EdgeUrlSigner.Verdict.MALFORMED);
        assertThat(signer.verify("/a.ts", "1", "s", "not base64!", NOW_S)).isEqualTo(EdgeUrlSigner.Verdict.MALFORMED);
        assertThat(signer.verify("/a.ts", "1", "s/../x", "AAAA", NOW_S)).isEqualTo(EdgeUrlSigner.Verdict.MALFORMED);
        assertThat(signer.verify("/a.ts", "1", "s", "+".repeat(43), NOW_S)).isEqualTo(EdgeUrlSigner.Verdict.MALFORMED);
    }

    @Test
    void refusesSessionIdsOutsideTheUrlSafeAlphabet() {
        assertThatThrownBy(() -> signer.sign("/a.ts", Instant.ofEpochSecond(NOW_S), "a&b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EdgeUrlSigner(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets/edge-url.key");
        EdgeUrlSigner first = EdgeUrlSigner.createKeyFile(file);
        EdgeUrlSigner second = EdgeUrlSigner.createKeyFile(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(EdgeUrlSigner.KEY_BYTES);
        assertThat(second.signature("/a.ts", 1, "s")).isEqualTo(first.signature("/a.ts", 1, "s"));
    }
}
