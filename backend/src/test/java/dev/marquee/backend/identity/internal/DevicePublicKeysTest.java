package dev.marquee.backend.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DevicePublicKeysTest {

    @Test
    void acceptsEcAndStrongRsaKeys() throws Exception {
        assertThat(DevicePublicKeys.algorithmOf(publicKey("EC", 256))).hasValue("EC");
        assertThat(DevicePublicKeys.algorithmOf(publicKey("RSA", 2048))).hasValue("RSA");
    }

    @Test
    void refusesWeakRsaAndThingsThatAreNotKeys() throws Exception {
        assertThat(DevicePublicKeys.algorithmOf(publicKey("RSA", 1024))).isEmpty();
        assertThat(DevicePublicKeys.algorithmOf("not base64 at all!")).isEmpty();
        assertThat(DevicePublicKeys.algorithmOf(Base64.getEncoder().encodeToString(new byte[64]))).isEmpty();
    }

    private static String publicKey(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }
}
