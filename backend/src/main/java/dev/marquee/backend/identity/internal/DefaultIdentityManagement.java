package dev.marquee.backend.identity.internal;

import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.ProfileView;
import java.time.InstantSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers other modules' questions about profiles and devices straight from identity's tables. */
@Service
class DefaultIdentityManagement implements IdentityManagement {
    private final ProfileRepository profiles;
    private final DeviceRepository devices;
    private final InstantSource clock;

    DefaultIdentityManagement(ProfileRepository profiles, DeviceRepository devices, InstantSource clock) {
        this.profiles = profiles;
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProfileView> findProfile(UUID accountId, UUID profileId) {
        return profiles.find(accountId, profileId).map(p -> p.view(clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeviceView> findDevice(UUID accountId, UUID deviceId) {
        return devices.find(accountId, deviceId).map(Device::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProfileView> profiles(UUID accountId) {
        Instant now = clock.instant();
        return profiles.findAll(accountId).stream().map(p -> p.view(now)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeviceView> findDeviceByPublicKey(UUID accountId, byte[] publicKeyX509) {
        // An account has at most RegisterDeviceRequest.MAX_PER_ACCOUNT devices: scanning them beats an index.
        return devices.findAll(accountId).stream()
                .filter(d -> DevicePublicKeys.sameKey(d.publicKey(), publicKeyX509))
                .findFirst()
                .map(Device::view);
    }

    @Override
    @Transactional
    public void deviceSeen(UUID accountId, UUID deviceId) {
        devices.touch(accountId, deviceId, clock.instant());
    }
}
