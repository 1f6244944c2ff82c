package dev.marquee.player.engine;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkingEngineIntegrationTest {

    private static final Duration STALL = Duration.ofMillis(300);
    private static final byte[] SEGMENT = new byte[200_000];

    private final MockWebServer first = new MockWebServer();
    private final MockWebServer second = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private NetworkingEngine network;

    @BeforeEach
    void start() throws Exception {
        first.start(InetAddress.getLoopbackAddress(), 0);
        second.start(InetAddress.getLoopbackAddress(), 0);
        var steering = new ContentSteeringManager(new ContentSteeringManager.Steering(
                List.of(base(first), base(second)), Duration.ofMinutes(5)), () -> {
                    throw new IllegalStateException("not asked in these tests");
                }, clock);
        NetworkListener listener = new NetworkListener() {
            @Override
            public void requestStart(RequestType type, String url) {
                events.add("start " + port(url));
            }

            @Override
            public void requestEnd(RequestType type, String url, long bytes, long durationUs, String cache) {
                events.add("end " + port(url));
            }

            @Override
            public void requestFailed(RequestType type, String url, Exception cause) {
                events.add("failed " + port(url));
            }
        };
        network = new NetworkingEngine(new OkHttpClient(), steering,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), RandomGenerator.of("L64X128MixRandom")),
                slept::add, listener, NetworkingEngine.LinkShaper.NONE, STALL, 3);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private static String base(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    private int port(String url) {
        return okhttp3.HttpUrl.get(url).port();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).setHeader("X-Cache", "MISS").body(new Buffer().write(SEGMENT)).build();
    }

    @Test
    void movesToTheNextEdgeForTheSameSegmentWhenTheFirstAnswers503() throws Exception {
        first.enqueue(new MockResponse.Builder().code(503).build());
        second.enqueue(ok());
        Fetched fetched = network.fetchFromEdges(RequestType.SEGMENT, "/t/360p/seg001.ts?sig=x", NetworkingEngine.Progress.NONE);
        assertThat(fetched.baseUrl()).isEqualTo(base(second));
        assertThat(fetched.body()).hasSize(SEGMENT.length);
        assertThat(fetched.failovers()).isEqualTo(1);
        assertThat(fetched.cacheStatus()).isEqualTo("MISS");
        assertThat(second.takeRequest().getTarget()).isEqualTo("/t/360p/seg001.ts?sig=x");
        assertThat(events).containsExactly("start " + first.getPort(), "failed " + first.getPort(),
                "start " + second.getPort(), "end " + second.getPort());
        assertThat(slept).isEmpty(); // a failover within a round does not wait
        // the failed edge goes to the back: the next segment starts on the healthy one
        assertThat(network.steering().rankedBaseUrls()).containsExactly(base(second), base(first));
    }

    @Test
    void movesToTheNextEdgeWhenTheFirstStallsMidBody() throws Exception {
        first.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(SEGMENT))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        second.enqueue(ok());
        long start = System.nanoTime();
        Fetched fetched = network.fetchFromEdges(RequestType.SEGMENT, "/t/seg.ts", NetworkingEngine.Progress.NONE);
        assertThat(fetched.baseUrl()).isEqualTo(base(second));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALL.multipliedBy(10));
    }

    @Test
    void retriesRoundsWithBackoffThenGivesUp() {
        for (int i = 0; i < 3; i++) {
            first.enqueue(new MockResponse.Builder().code(503).build());
            second.enqueue(new MockResponse.Builder().code(502).build());
        }
        assertThatThrownBy(() -> network.fetchFromEdges(RequestType.SEGMENT, "/t/seg.ts", NetworkingEngine.Progress.NONE))
                .hasMessageContaining("no edge could serve /t/seg.ts after 3 rounds");
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(slept.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void doesNotFailOverOnClientErrors() {
        first.enqueue(new MockResponse.Builder().code(403).body("expired").build());
        assertThatThrownBy(() -> network.fetchFromEdges(RequestType.SEGMENT, "/t/seg.ts", NetworkingEngine.Progress.NONE))
                .isInstanceOf(HttpStatusException.class).hasMessageContaining("403");
        assertThat(second.getRequestCount()).isZero();
    }

    @Test
    void abandonsWhenTheProgressCallbackSaysSo() {
        first.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(SEGMENT))
                .throttleBody(32 * 1024, 50, TimeUnit.MILLISECONDS).build());
        assertThatThrownBy(() -> network.fetchFromEdges(RequestType.SEGMENT, "/t/seg.ts",
                (loaded, total, elapsedUs) -> loaded >= 50_000))
                .isInstanceOf(NetworkingEngine.AbandonedException.class);
        assertThat(second.getRequestCount()).isZero();
        assertThat(events).containsExactly("start " + first.getPort(), "failed " + first.getPort());
    }

    @Test
    void reAsksSteeringAfterItsTtl() {
        List<String> fresh = List.of("http://127.0.0.1:1", "http://127.0.0.1:2");
        var steering = new ContentSteeringManager(new ContentSteeringManager.Steering(List.of(base(first)),
                Duration.ofSeconds(60)), () -> new ContentSteeringManager.Steering(fresh, Duration.ofSeconds(60)), clock);
        assertThat(steering.rankedBaseUrls()).containsExactly(base(first));
        clock.advance(Duration.ofSeconds(59));
        assertThat(steering.refreshes()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(steering.rankedBaseUrls()).isEqualTo(fresh);
        assertThat(steering.refreshes()).isEqualTo(1);
    }
}
