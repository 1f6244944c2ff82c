package dev.marquee.player.engine;

import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicenseRequest;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.UUID;

/**
 * Holds the licence of the title being played: acquires it, verifies the server's signature against the pinned
 * key, unwraps the content key in memory with the device key, and renews it before expiry. Renewal failures are
 * retried with {@link Backoff} and tolerated as long as the current licence is valid (so playback survives a
 * licence server outage shorter than the remaining validity). It does not decrypt (the {@link Decryptor} does)
 * and never writes a key to disk. Called from the streaming engine's thread; {@link #maxHeight()} and the
 * timing getters may be read from any thread.
 */
public final class DrmEngine {

    /** Renew this long before expiry: several renewal attempts with back-off fit before the licence runs out. */
    public static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final LicenseClient client;
    private final DeviceIdentity device;
    private final InstantSource clock;
    private final Backoff backoff;

    private UUID titleId;
    private UUID sessionId;
    private volatile License license;
    private byte[] contentKey;
    private int consecutiveFailures;
    private Instant nextAttemptAt = Instant.MIN;
    private volatile long licenceTimeMs = -1;
    private volatile int renewals;
    private volatile int licenceUses;

    public DrmEngine(LicenseClient client, DeviceIdentity device, InstantSource clock, Backoff backoff) {
        this.client = client;
        this.device = device;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Gets the first licence of a session (retrying transport errors); throws a viewer-readable error. */
    public void acquire(UUID title, UUID session) throws LicenseException, InterruptedException {
        this.titleId = title;
        this.sessionId = session;
        long start = System.nanoTime();
        try {
            install(client.request(request(), true));
        } catch (IOException e) {
            throw new LicenseException("The licence server could not be reached: " + e.getMessage(), e);
        }
        licenceTimeMs = (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Renews the licence if it is due and the back-off allows a try now. Failures are counted, not thrown, while
     * the current licence is valid; a refusal for the stream limit is thrown (playback must stop).
     */
    public void maintain() throws LicenseException, InterruptedException {
        License current = license;
        if (current == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(current.expiresAt().minus(RENEW_BEFORE)) || now.isBefore(nextAttemptAt)) {
            return;
        }
        try {
            install(client.request(request(), false));
            consecutiveFailures = 0;
            nextAttemptAt = Instant.MIN;
            renewals++;
        } catch (LicenseException.ConcurrentStreamLimit e) {
            throw e;
        } catch (IOException | LicenseException e) {
            nextAttemptAt = now.plus(backoff.delay(consecutiveFailures));
            consecutiveFailures++;
            if (!now.isBefore(current.expiresAt())) {
                throw new LicenseException("The licence expired and could not be renewed: " + e.getMessage(), e);
            }
        }
    }

    /** The content key for a segment, or an error if the licence is missing, expired or for another key. */
    public byte[] contentKey(String keyId) throws LicenseException {
        License current = license;
        if (current == null) {
            throw new LicenseException("No licence for this title.");
        }
        if (!clock.instant().isBefore(current.expiresAt())) {
            throw new LicenseException("The licence for this title has expired.");
        }
        if (!current.keyId().equals(keyId)) {
            throw new LicenseException("The licence does not cover key " + keyId + ".");
        }
        licenceUses++;
        return contentKey;
    }

    private LicenseRequest request() {
        return new LicenseRequest(titleId, device.deviceId(), sessionId, device.publicKeyBase64());
    }

    private void install(License candidate) throws LicenseException, InterruptedException {
        try {
            PublicKey serverKey = device.pinnedServerKey();
            if (serverKey == null) {
                device.pinServerKey(client.serverKey().publicKey());
                serverKey = device.pinnedServerKey();
            }
            if (candidate.version() != LicenseCodec.VERSION || !LicenseCodec.verify(candidate, serverKey)) {
                throw new LicenseException("The licence is not signed by the licence server; refusing it.");
            }
            if (!candidate.titleId().equals(titleId) || !candidate.sessionId().equals(sessionId)
                    || !candidate.deviceId().equals(device.deviceId())) {
                throw new LicenseException("The licence was issued for another title, session or device.");
            }
            if (!clock.instant().isBefore(candidate.expiresAt())) {
                throw new LicenseException("The licence arrived already expired (is this computer's clock right?).");
            }
            byte[] key = LicenseCodec.unwrap(candidate, device.privateKey());
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
            contentKey = key;
            license = candidate;
        } catch (IOException e) {
            throw new LicenseException("The licence server's key could not be fetched: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new LicenseException("The licence could not be opened on this device: " + e.getMessage(), e);
        }
    }

    /** Highest rung height the licence allows, or {@link Integer#MAX_VALUE} with none. */
    public int maxHeight() {
        License current = license;
        return current == null || current.maxHeight() <= 0 ? Integer.MAX_VALUE : current.maxHeight();
    }

    public License license() {
        return license;
    }

    public long licenceTimeMs() {
        return licenceTimeMs;
    }

    public int renewals() {
        return renewals;
    }

    public int licenceUses() {
        return licenceUses;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }
}
