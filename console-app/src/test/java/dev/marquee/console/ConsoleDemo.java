package dev.marquee.console;

import dev.marquee.console.api.FakeOpsBackend;
import dev.marquee.console.api.OpsClient;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.net.InetAddress;
import mockwebserver3.MockWebServer;

/** Opens the real console against {@link FakeOpsBackend} on a loopback port, to look at it by hand. Not a test. */
public final class ConsoleDemo {
    /** How often the demo looks for the "backend down" file: quicker than the console's health check. */
    private static final long HEALTH_FILE_CHECK_MS = 500;

    private ConsoleDemo() {}

    public static void main(String[] args) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            FakeOpsBackend backend = new FakeOpsBackend();
            server.setDispatcher(backend);
            server.start(InetAddress.getLoopbackAddress(), 0);
            System.setProperty(OpsClient.BASE_URL_PROPERTY, server.url("/").toString());
            System.out.println("fake backend at " + server.url("/") + ": " + FakeOpsBackend.SRE_EMAIL + " or "
                    + FakeOpsBackend.VIEWER_EMAIL + ", password " + FakeOpsBackend.PASSWORD
                    + "; touch /tmp/marquee-demo-down to fail health checks");
            ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().factory());
            health.scheduleAtFixedRate(() -> backend.up.set(!new java.io.File("/tmp/marquee-demo-down").exists()),
                    0, HEALTH_FILE_CHECK_MS, TimeUnit.MILLISECONDS);
            ConsoleLauncher.main(args);
        }
    }
}
