package dev.marquee.backend.license;

import java.util.Optional;
import java.util.UUID;

/**
 * Per-title content keys: 128-bit AES keys generated here and never written anywhere in the clear.
 * The encoder asks for a title's key while packaging; key delivery and (later) device licences read it.
 * Callers must not keep the returned bytes longer than they need them, and must not log them.
 */
public interface ContentKeys {

    /** Length of a content key: AES-128, as HLS {@code METHOD=AES-128} requires. */
    int KEY_BYTES = 16;

    /** Returns the title's key, generating and storing a new random one the first time. */
    byte[] keyFor(UUID titleId);

    /** The title's key if one exists. */
    Optional<byte[]> find(UUID titleId);

    /** Forgets a title's key (e.g. its encoding failed); its segments become undecryptable. */
    boolean discard(UUID titleId);

    /** The URI path at which HLS clients fetch the key with a bearer token; used for {@code EXT-X-KEY}. */
    static String deliveryPath(UUID titleId) {
        return "/api/license/keys/" + titleId;
    }
}
