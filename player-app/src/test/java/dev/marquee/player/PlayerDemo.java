package dev.marquee.player;

import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.FakeBackend;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockWebServer;

/**
 * Opens the real player against {@link FakeBackend} on a free loopback port, to look at the screens before the
 * backend's identity service exists, with the sample catalog published. Not a test; run it from the test class path.
 */
public final class PlayerDemo {
    private PlayerDemo() {}

    public static void main(String[] args) throws IOException {
        MockWebServer server = new MockWebServer();
        FakeBackend backend = new FakeBackend();
        backend.publish(dev.marquee.player.api.SampleTitles.ALL);
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        System.setProperty(BackendClient.BASE_URL_PROPERTY, server.url("/").toString());
        System.out.println("fake backend at " + server.url("/") + ": sign in as " + FakeBackend.EMAIL + " / "
                + FakeBackend.PASSWORD + " (Sam's PIN " + FakeBackend.PIN + ")");
        PlayerLauncher.main(args);
        server.close();
    }
}
