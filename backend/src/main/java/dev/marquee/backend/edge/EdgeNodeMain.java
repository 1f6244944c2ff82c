package dev.marquee.backend.edge;

import dev.marquee.backend.edge.node.EdgeNode;
import dev.marquee.backend.edge.node.EdgeNodeConfig;
import dev.marquee.backend.edge.node.EdgeNodeConfigs;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one edge node (or an origin) on its own, without the backend: {@code ./marquee edge --config FILE}.
 * The file format is described in {@link EdgeNodeConfigs}. Stops on SIGTERM/SIGINT.
 */
public final class EdgeNodeMain {

    private EdgeNodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: edge --config FILE   (a properties file: id, tier, region, port, cacheDir, "
                    + "capacityBytes, parents, originUrl, signingKeyFile)");
            System.exit(2);
        }
        EdgeNodeConfig config;
        try {
            config = EdgeNodeConfigs.load(Path.of(args[1]));
        } catch (Exception e) {
            System.err.println("edge: cannot read " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        EdgeNode node = EdgeNode.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "edge-shutdown"));
        System.out.println("edge node " + config.id() + " (" + config.tier() + ", " + config.region() + ") serving "
                + config.directory() + " at " + node.baseUrl() + (EdgeNode.nativeTransport() ? " [epoll]" : " [nio]")
                + (config.signer() == null ? " [signed URLs OFF]" : " [signed URLs required]"));
        System.out.flush();
        stopped.await();
    }
}
