package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.RegisterDeviceRequest;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, lists and removes an account's devices (at most {@link RegisterDeviceRequest#MAX_PER_ACCOUNT}). */
@Service
class Devices {
    private final DeviceRepository devices;
    private final AccountRepository accounts;
    private final InstantSource clock;

    Devices(DeviceRepository devices, AccountRepository accounts, InstantSource clock) {
        this.devices = devices;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<DeviceView> list(UUID accountId) {
        return devices.findAll(accountId).stream().map(Device::view).toList();
    }

    /** A registration's outcome: the device, and whether this call created it. */
    record Registration(DeviceView device, boolean created) {}

    /**
     * Registers the device, or answers the account's existing device with the same public key (a player that
     * registers again after a restart must not fill the account's device slots with copies of itself).
     */
    @Transactional
    Registration register(UUID accountId, RegisterDeviceRequest request) {
        String algorithm = DevicePublicKeys.algorithmOf(request.publicKey()).orElseThrow(() -> new ProblemException(
                HttpStatus.BAD_REQUEST, "invalid-public-key", "Invalid public key",
                "publicKey must be base64 of an X.509 SubjectPublicKeyInfo: RSA of at least "
                        + DevicePublicKeys.MIN_RSA_BITS + " bits, or EC."));
        if (!accounts.lock(accountId)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "The account no longer exists.");
        }
        byte[] der = Base64.getDecoder().decode(request.publicKey().strip()); // valid: algorithmOf decoded it
        for (Device existing : devices.findAll(accountId)) {
            if (DevicePublicKeys.sameKey(existing.publicKey(), der)) {
                return new Registration(existing.view(), false);
            }
        }
        if (devices.count(accountId) >= RegisterDeviceRequest.MAX_PER_ACCOUNT) {
            throw new ProblemException(HttpStatus.CONFLICT, "device-limit", "Device limit reached",
                    "An account has at most " + RegisterDeviceRequest.MAX_PER_ACCOUNT + " devices: remove one first.");
        }
        Device device = new Device(UUID.randomUUID(), accountId, request.name().strip(), algorithm,
                request.publicKey().strip(), clock.instant(), null);
        devices.insert(device);
        return new Registration(device.view(), true);
    }

    @Transactional
    void remove(UUID accountId, UUID deviceId) {
        if (!devices.delete(accountId, deviceId)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "device-not-found", "Device not found", "There is no such device on this account.");
        }
    }
}
