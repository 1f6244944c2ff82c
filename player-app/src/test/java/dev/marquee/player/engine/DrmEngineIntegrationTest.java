package dev.marquee.player.engine;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrmEngineIntegrationTest {

    private static final Duration VALIDITY = Duration.ofMinutes(5);

    @TempDir
    Path deviceDir;
    private final FakeClock clock = new FakeClock();
    private final byte[] contentKey = new byte[16];
    private FakeLicenseServer server;
    private DrmEngine drm;
    private final UUID title = UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        new SecureRandom().nextBytes(contentKey);
        server = new FakeLicenseServer(contentKey, clock);
        server.validity = VALIDITY;
        var steering = new ContentSteeringManager(new ContentSteeringManager.Steering(List.of("http://127.0.0.1:9"),
                Duration.ofMinutes(5)), () -> null, clock);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), RandomGenerator.of("L64X128MixRandom"));
        var network = new NetworkingEngine(new OkHttpClient(), steering, backoff, delay -> { }, NetworkListener.NONE,
                NetworkingEngine.LinkShaper.NONE, Duration.ofSeconds(2), 3);
        drm = new DrmEngine(new LicenseClient(network, server.url(), () -> null), DeviceIdentity.loadOrCreate(deviceDir),
                clock, backoff);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void verifiesUnwrapsAndDecryptsWithThePlaylistIv() throws Exception {
        drm.acquire(title, UUID.randomUUID());
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        byte[] plain = "a segment of MPEG-TS, or something like it".getBytes();
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(iv));
        byte[] decrypted = new Decryptor().decrypt(aes.doFinal(plain), drm.contentKey(HlsFixture.KEY_ID), iv);
        assertThat(decrypted).isEqualTo(plain);
        assertThat(drm.licenceUses()).isEqualTo(1);
    }

    @Test
    void keepsThePrivateKeyOwnerOnlyAndNeverSendsIt() throws Exception {
        drm.acquire(title, UUID.randomUUID());
        assertThat(DeviceIdentity.permissionsOfPrivateKey(deviceDir)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        var device = DeviceIdentity.loadOrCreate(deviceDir); // second run: same key
        String privateKey = java.util.Base64.getEncoder().encodeToString(device.privateKey().getEncoded());
        var one = server.server.takeRequest(); // the licence request and the server-key fetch, in some order
        var two = server.server.takeRequest();
        var licenceRequest = "POST".equals(one.getMethod()) ? one : two;
        assertThat(licenceRequest.getMethod()).isEqualTo("POST");
        assertThat(licenceRequest.getBody().utf8()).doesNotContain(privateKey).contains(device.deviceId());
    }

    @Test
    void refusesATamperedLicence() {
        server.tamper = true;
        assertThatThrownBy(() -> drm.acquire(title, UUID.randomUUID())).isInstanceOf(LicenseException.class)
                .hasMessageContaining("not signed by the licence server");
        assertThatThrownBy(() -> drm.contentKey(HlsFixture.KEY_ID)).hasMessageContaining("No licence");
    }

    @Test
    void renewsBeforeExpiryAndSurvivesThreeFailuresWhileValid() throws Exception {
        drm.acquire(title, UUID.randomUUID());
        var firstExpiry = drm.license().expiresAt();
        clock.advance(VALIDITY.minus(DrmEngine.RENEW_BEFORE).minusSeconds(1));
        drm.maintain();
        assertThat(server.issued.get()).isEqualTo(1); // not yet due
        clock.advance(Duration.ofSeconds(1));
        drm.maintain();
        assertThat(drm.renewals()).isEqualTo(1);
        assertThat(drm.license().expiresAt()).isAfter(firstExpiry);

        clock.advance(VALIDITY.minus(DrmEngine.RENEW_BEFORE));
        server.failNext.set(3);
        for (int failure = 1; failure <= 3; failure++) {
            drm.maintain();
            assertThat(drm.consecutiveFailures()).isEqualTo(failure);
            assertThat(drm.contentKey(HlsFixture.KEY_ID)).isEqualTo(contentKey); // playback goes on
            drm.maintain(); // inside the back-off: no request
            assertThat(server.requests.get()).isEqualTo(2 + failure);
            clock.advance(Duration.ofSeconds(8)); // past the longest back-off
        }
        drm.maintain();
        assertThat(drm.consecutiveFailures()).isZero();
        assertThat(drm.renewals()).isEqualTo(2);
    }

    @Test
    void stopsWithAClearMessageWhenTheLicenceExpiresUnrenewed() throws Exception {
        drm.acquire(title, UUID.randomUUID());
        server.failNext.set(Integer.MAX_VALUE);
        clock.advance(VALIDITY);
        assertThatThrownBy(() -> drm.maintain()).isInstanceOf(LicenseException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> drm.contentKey(HlsFixture.KEY_ID)).hasMessageContaining("expired");
    }

    @Test
    void explainsARefusalForTheConcurrentStreamLimit() {
        server.refuseForStreamLimit = true;
        assertThatThrownBy(() -> drm.acquire(title, UUID.randomUUID()))
                .isInstanceOf(LicenseException.ConcurrentStreamLimit.class)
                .hasMessage("Your plan allows 2 screens at a time and 2 are playing. Stop one to watch here.");
    }
}
