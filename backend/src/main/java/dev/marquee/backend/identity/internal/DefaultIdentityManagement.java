package dev.marquee.backend.identity.internal;

import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.ProfileView;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers other modules' questions about profiles and devices straight from identity's tables. */
@Service
class DefaultIdentityManagement implements IdentityManagement {
    private final ProfileRepository profiles;
    private final DeviceRepository devices;
    private final AccountRepository accounts;
    private final InstantSource clock;

    DefaultIdentityManagement(ProfileRepository profiles, DeviceRepository devices, AccountRepository accounts,
            InstantSource clock) {
        this.profiles = profiles;
        this.devices = devices;
        this.accounts = accounts;
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
    @Transactional
    public void deviceSeen(UUID accountId, UUID deviceId) {
        devices.touch(accountId, deviceId, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isSynthetic(UUID accountId) {
        return accounts.isSynthetic(accountId);
    }
}
