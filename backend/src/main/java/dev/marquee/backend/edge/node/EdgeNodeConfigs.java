package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a node's configuration from a properties file, the format of {@code ./marquee edge --config FILE}:
 * <pre>
 * id=isp-east-1            tier=ISP | IXP | ORIGIN      region=us-east-1
 * port=0                   host=127.0.0.1               ioThreads=0
 * cacheDir=/var/marquee/edge/isp-east-1   (the served root for tier=ORIGIN)
 * capacityBytes=10GB       (B, KB, MB, GB, TB: powers of 1024)
 * parents=http://127.0.0.1:9001,http://127.0.0.1:9002
 * originUrl=http://127.0.0.1:9000
 * signingKeyFile=/home/me/.marquee/secrets/edge-url.key   (or signing=off, for benchmarks only)
 * fillTimeoutSeconds=10
 * </pre>
 */
public final class EdgeNodeConfigs {

    private EdgeNodeConfigs() {}

    public static EdgeNodeConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        Path base = file.toAbsolutePath().getParent();
        String id = required(p, "id");
        EdgeTier tier = EdgeTier.valueOf(p.getProperty("tier", "ISP").trim().toUpperCase(Locale.ROOT));
        Path dir = base.resolve(required(p, tier == EdgeTier.ORIGIN ? "root" : "cacheDir", "cacheDir"));
        long capacity = tier == EdgeTier.ORIGIN ? 0 : parseBytes(required(p, "capacityBytes"));
        List<URI> parents = Arrays.stream(p.getProperty("parents", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
        String originUrl = p.getProperty("originUrl", "").trim();
        EdgeUrlSigner signer;
        if ("off".equalsIgnoreCase(p.getProperty("signing", "on").trim())) {
            signer = null;
        } else {
            signer = EdgeUrlSigner.fromKeyFile(base.resolve(required(p, "signingKeyFile")));
        }
        return new EdgeNodeConfig(id, tier, p.getProperty("region", "local").trim(),
                p.getProperty("host", "127.0.0.1").trim(), Integer.parseInt(p.getProperty("port", "0").trim()),
                dir, capacity, parents, originUrl.isEmpty() ? null : URI.create(originUrl), signer,
                Integer.parseInt(p.getProperty("ioThreads", "0").trim()),
                Duration.ofSeconds(Long.parseLong(p.getProperty("fillTimeoutSeconds",
                        Long.toString(EdgeNodeConfig.DEFAULT_FILL_TIMEOUT.toSeconds())).trim())));
    }

    /** "512MB" → 536870912; a plain number is bytes. */
    public static long parseBytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (String[] u : new String[][] {{"TB", "1099511627776"}, {"GB", "1073741824"}, {"MB", "1048576"},
                {"KB", "1024"}, {"B", "1"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).trim();
                break;
            }
        }
        return Math.multiplyExact(Long.parseLong(t), unit);
    }

    private static String required(Properties p, String name) {
        return required(p, name, name);
    }

    private static String required(Properties p, String name, String alternative) {
        String v = p.getProperty(name, p.getProperty(alternative));
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("edge config: '" + name + "' is required");
        }
        return v.trim();
    }
}
