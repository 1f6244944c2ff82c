package dev.marquee.player.engine;

import dev.marquee.model.license.LicenseCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The device's EC P-256 key pair, created on first run: the private key lives in {@code device.key} (PKCS#8,
 * mode 600, in a mode-700 directory) and never leaves the process; the public key and its {@link #deviceId()}
 * go into licence requests. Also pins the licence server's signing key on first fetch ({@code server.pub}).
 */
public final class DeviceIdentity {

    private static final String PRIVATE_FILE = "device.key";
    private static final String PUBLIC_FILE = "device.pub";
    private static final String SERVER_KEY_FILE = "server.pub";

    private final Path dir;
    private final KeyPair keys;

    private DeviceIdentity(Path dir, KeyPair keys) {
        this.dir = dir;
        this.keys = keys;
    }

    /** {@code $XDG_CONFIG_HOME/marquee/device}, else {@code ~/.config/marquee/device}. */
    public static Path defaultDirectory(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
        return config.resolve("marquee").resolve("device");
    }

    /** Loads the key pair from {@code dir}, creating it (and the directory) on first run. */
    public static DeviceIdentity loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            KeyFactory ec = KeyFactory.getInstance("EC");
            PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            PublicKey pub = ec.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
            return new DeviceIdentity(dir, new KeyPair(pub, priv));
        }
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        KeyPair pair = LicenseCodec.newEcKeyPair();
        writePrivate(privateFile, pair.getPrivate().getEncoded());
        Files.write(publicFile, pair.getPublic().getEncoded());
        return new DeviceIdentity(dir, pair);
    }

    private static void writePrivate(Path file, byte[] encoded) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, encoded);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String deviceId() {
        return LicenseCodec.deviceId(keys.getPublic().getEncoded());
    }

    public Path directory() {
        return dir;
    }

    /** The pinned licence-server key, or {@code null} before the first fetch. */
    public PublicKey pinnedServerKey() throws IOException, GeneralSecurityException {
        Path file = dir.resolve(SERVER_KEY_FILE);
        return Files.exists(file) ? LicenseCodec.publicKey("Ed25519", Files.readString(file).strip()) : null;
    }

    /** Pins the server key (first fetch only: a pinned key is never replaced by what the network says). */
    public void pinServerKey(String base64) throws IOException, GeneralSecurityException {
        LicenseCodec.publicKey("Ed25519", base64); // refuse garbage before pinning it
        Path file = dir.resolve(SERVER_KEY_FILE);
        if (!Files.exists(file)) {
            Files.writeString(file, base64 + "\n");
        }
    }

    static Set<java.nio.file.attribute.PosixFilePermission> permissionsOfPrivateKey(Path dir) throws IOException {
        return Files.getPosixFilePermissions(dir.resolve(PRIVATE_FILE));
    }
}
