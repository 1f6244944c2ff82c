package dev.marquee.backend.license.internal;

import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.license.PlaybackSessionDirectory;
import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.license.ServerKey;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Issues device licences: checks the device key, the session and the account's concurrent-stream limit, then wraps
 * the title's content key for the device and signs the licence ({@link LicenseCodec} does the cryptography).
 * A renewal (same session) replaces the session's previous licence and never counts as another stream.
 *
 * <p>The limit check and the grant are one critical section per account (a striped lock), so two sessions that ask
 * at the same instant cannot both take the last slot. That holds within one process; with several licence servers
 * the grant would be a conditional write (a compare-and-set on the account's slot count) instead.
 */
final class LicenseIssuer {
    /** Stripes of the per-account lock: plenty for a few hundred licence requests per second on one machine. */
    static final int LOCK_STRIPES = 64;
    /** P-256 (secp256r1), the only curve {@link LicenseCodec} wraps for. */
    static final int P256_FIELD_BITS = 256;

    private final ContentKeys contentKeys;
    private final ServerSigningKey serverKey;
    private final LicenseGrants grants;
    private final PlaybackSessionDirectory sessions;
    private final IdentityManagement identity;
    private final LicenseProperties settings;
    private final InstantSource clock;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    LicenseIssuer(ContentKeys contentKeys, ServerSigningKey serverKey, LicenseGrants grants,
                  PlaybackSessionDirectory sessions, IdentityManagement identity, LicenseProperties settings,
                  InstantSource clock) {
        this.contentKeys = contentKeys;
        this.serverKey = serverKey;
        this.grants = grants;
        this.sessions = sessions;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ServerKey serverKey() {
        return new ServerKey("Ed25519", Base64.getEncoder().encodeToString(serverKey.publicKey().getEncoded()));
    }

    License issue(UUID accountId, LicenseRequest request) {
        byte[] der;
        PublicKey devicePublicKey;
        try {
            der = Base64.getDecoder().decode(request.devicePublicKey().strip());
            devicePublicKey = LicenseCodec.publicKey("EC", request.devicePublicKey().strip());
            if (!(devicePublicKey instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize()
                    != P256_FIELD_BITS) {
                throw new GeneralSecurityException("not a P-256 key"); // the codec's ECDH runs on P-256 only
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-device-key", "Invalid device key",
                    "devicePublicKey must be base64 of an EC P-256 public key in X.509 encoding.");
        }
        if (!LicenseCodec.deviceId(der).equals(request.deviceId())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "device-id-mismatch", "Device id does not match",
                    "deviceId must be the hex SHA-256 of the device public key's X.509 encoding.");
        }
        DeviceView device = identity.findDeviceByPublicKey(accountId, der).orElseThrow(() -> new ProblemException(
                HttpStatus.FORBIDDEN, "device-not-registered", "Device not registered",
                "This device's key is not registered to the account: register it with POST /api/me/devices first."));
        var session = sessions.findOpen(accountId, request.sessionId())
                .filter(s -> s.titleId().equals(request.titleId()))
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "session-not-open", "No open session",
                        "There is no open playback session " + request.sessionId() + " for this title on this account: "
                                + "start one with POST /api/playback/sessions."));
        byte[] contentKey = contentKeys.find(request.titleId()).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, "no-content-key", "No content key", "Title " + request.titleId()
                + " has no content key: it was never packaged, or its encoding failed."));
        ReentrantLock lock = locks[Math.floorMod(accountId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Instant now = clock.instant();
            Set<UUID> live = new HashSet<>(grants.liveSessions(accountId, now));
            live.retainAll(sessions.openSessionIds(accountId));
            live.remove(session.sessionId());
            if (live.size() >= settings.maxConcurrentStreams()) {
                throw concurrentStreamLimit(settings.maxConcurrentStreams());
            }
            License license = sign(request, devicePublicKey, contentKey, now);
            grants.record(session.sessionId(), accountId, request.titleId(), request.deviceId(), license.licenseId(),
                    license.issuedAt(), license.expiresAt());
            identity.deviceSeen(accountId, device.id());
            return license;
        } finally {
            lock.unlock();
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private License sign(LicenseRequest request, PublicKey devicePublicKey, byte[] contentKey, Instant now) {
        UUID licenseId = UUID.randomUUID();
        String keyId = keyIdOf(request.titleId());
        try {
            KeyPair ephemeral = LicenseCodec.newEcKeyPair();
            String wrapped = LicenseCodec.wrap(contentKey, ephemeral, devicePublicKey, licenseId, keyId);
            License unsigned = new License(LicenseCodec.VERSION, licenseId, request.titleId(), request.deviceId(),
                    request.sessionId(), keyId, Base64.getEncoder().encodeToString(ephemeral.getPublic().getEncoded()),
                    wrapped, now, now.plus(settings.licenseLifetime()), settings.maxHeight(),
                    settings.maxConcurrentStreams(), "");
            return LicenseCodec.sign(unsigned, serverKey.privateKey());
        } catch (GeneralSecurityException e) {
            // The device key was parsed above, so this is the JDK or the server key, not the client.
            throw new IllegalStateException("licence could not be wrapped or signed", e);
        }
    }

    /** The key id players match: the last path segment of the title's {@code EXT-X-KEY} URI. */
    static String keyIdOf(UUID titleId) {
        String path = ContentKeys.deliveryPath(titleId);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static ErrorResponseException concurrentStreamLimit(int limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This account is already playing "
                + limit + " stream" + (limit == 1 ? "" : "s") + " at once, its limit. Stop playback on another screen "
                + "to watch here.");
        problem.setType(URI.create(LicensePaths.PROBLEM_CONCURRENT_STREAM_LIMIT));
        problem.setTitle("Concurrent-stream limit reached");
        problem.setProperty("limit", limit);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
