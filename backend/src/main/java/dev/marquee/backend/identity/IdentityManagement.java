package dev.marquee.backend.identity;

import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.ProfileView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask identity: does this profile or device belong to this account. The account id
 * comes from the caller's verified access token ({@code AccessTokens.accountId(jwt)}).
 */
public interface IdentityManagement {

    /** The profile, if it exists and belongs to the account. */
    Optional<ProfileView> findProfile(UUID accountId, UUID profileId);

    /** The device with its public key, if it exists and belongs to the account. */
    Optional<DeviceView> findDevice(UUID accountId, UUID deviceId);

    /** The account's profiles, oldest first (the first is the account owner's). */
    List<ProfileView> profiles(UUID accountId);

    /**
     * The account's device that registered exactly this public key (X.509 SubjectPublicKeyInfo DER bytes,
     * compared as bytes, not as base64 text), if any. The licence server uses it to check that a key it is asked to
     * wrap for belongs to the account.
     */
    Optional<DeviceView> findDeviceByPublicKey(UUID accountId, byte[] publicKeyX509);

    /** Records that the device was just used (e.g. a licence was issued to it). */
    void deviceSeen(UUID accountId, UUID deviceId);
}
