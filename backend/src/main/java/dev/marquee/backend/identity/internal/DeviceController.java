package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.RegisterDeviceRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's devices and their public keys. */
@RestController
class DeviceController {
    private final Devices devices;

    DeviceController(Devices devices) {
        this.devices = devices;
    }

    @GetMapping(ApiPaths.DEVICES)
    List<DeviceView> list(@AuthenticationPrincipal Jwt jwt) {
        return devices.list(AccessTokens.accountId(jwt));
    }

    /** 201 with the new device, or 200 with the existing one when the account already registered this public key. */
    @PostMapping(ApiPaths.DEVICES)
    ResponseEntity<DeviceView> register(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody RegisterDeviceRequest request) {
        Devices.Registration registration = devices.register(AccessTokens.accountId(jwt), request);
        DeviceView device = registration.device();
        if (!registration.created()) {
            return ResponseEntity.ok(device);
        }
        return ResponseEntity.created(URI.create(ApiPaths.DEVICES + "/" + device.id())).body(device);
    }

    @DeleteMapping(ApiPaths.DEVICE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID deviceId) {
        devices.remove(AccessTokens.accountId(jwt), deviceId);
    }
}
