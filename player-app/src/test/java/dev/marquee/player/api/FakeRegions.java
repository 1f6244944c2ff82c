package dev.marquee.player.api;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.RegisterDeviceRequest;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.model.playback.PlaybackRequest;
import dev.marquee.model.playback.ResumePosition;
import dev.marquee.model.playback.SteeringAnswer;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.DirectorAnswer;
import dev.marquee.model.topology.RegionRoute;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two regions' gateways and a traffic director on loopback, for control-plane failover tests: the director (on the
 * {@link FakeBackend}'s server, which also signs in) lists the regions that are up, best first; each gateway serves
 * the playback contract and device registration for the {@link FakeBackend}'s viewer and records what it was asked.
 */
public final class FakeRegions implements AutoCloseable {
    public static final String A = "region-a";
    public static final String B = "region-b";
    /** The one title the viewer started and did not finish. */
    static final UUID WATCHED = UUID.randomUUID();

    public final FakeBackend backend = new FakeBackend();
    public final MockWebServer director = new MockWebServer();
    public final Gateway gatewayA = new Gateway(A);
    public final Gateway gatewayB = new Gateway(B);
    /** Director answers served so far. */
    final AtomicInteger directorAnswers = new AtomicInteger();
    private final JsonMapper json = JsonMapper.builder().build();

    public FakeRegions() throws IOException {
        director.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (Objects.requireNonNull(request.getUrl()).encodedPath().equals(ControlPaths.DIRECTOR_REGIONS)) {
                    directorAnswers.incrementAndGet();
                    List<RegionRoute> up = java.util.stream.Stream.of(gatewayA, gatewayB)
                            .filter(g -> g.listed).map(Gateway::route).toList();
                    return backend.ok(new DirectorAnswer(request.getUrl().queryParameter("clientRegion"), up, List.of()));
                }
                return backend.dispatch(request);
            }
        });
        director.start(InetAddress.getLoopbackAddress(), 0);
        gatewayA.server.start(InetAddress.getLoopbackAddress(), 0);
        gatewayB.server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String directorUrl() {
        return director.url("/").toString();
    }

    @Override
    public void close() {
        director.close();
        gatewayA.server.close();
        gatewayB.server.close();
    }

    /** One region's gateway. */
    public final class Gateway extends Dispatcher {
        final String region;
        final MockWebServer server = new MockWebServer();
        /** "METHOD path" of every request answered, in order. */
        public final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<String, DeviceView> devices = new ConcurrentHashMap<>();
        volatile boolean listed = true;
        volatile int failWith;
        /** When set, session creation answers with this problem (e.g. the stream limit). */
        public volatile dev.marquee.model.Problem sessionProblem;

        Gateway(String region) {
            this.region = region;
            server.setDispatcher(this);
        }

        RegionRoute route() {
            return new RegionRoute(region, server.url("/").toString());
        }

        String baseUrl() {
            String url = server.url("/").toString();
            return url.substring(0, url.length() - 1);
        }

        /** Stops the gateway for real: its port refuses connections from now on. */
        public void die() {
            server.close();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = Objects.requireNonNull(request.getUrl()).encodedPath();
            calls.add(request.getMethod() + " " + path);
            if (failWith != 0) {
                return FakeBackend.problem(failWith, "Failing on purpose.");
            }
            if (path.equals(dev.marquee.model.license.LicensePaths.SERVER_KEY)) {
                return backend.ok(new dev.marquee.model.license.ServerKey("Ed25519", "key-of-" + region));
            }
            if (path.startsWith("/api/catalog") || path.startsWith("/api/search")) {
                return backend.dispatch(request); // the viewer's catalog, as a gateway routes it
            }
            if (!backend.authorised(request)) {
                return FakeBackend.problem(401, "Sign in first.");
            }
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            if (request.getMethod().equals("POST") && path.equals(PlaybackPaths.SESSIONS) && sessionProblem != null) {
                return new MockResponse.Builder().code(sessionProblem.status())
                        .addHeader("Content-Type", dev.marquee.model.Problem.MEDIA_TYPE)
                        .body(json.writeValueAsString(sessionProblem)).build();
            }
            if (request.getMethod().equals("POST") && path.equals(PlaybackPaths.SESSIONS)) {
                PlaybackRequest asked = json.readValue(body, PlaybackRequest.class);
                UUID session = UUID.randomUUID();
                return created(new PlaybackManifest(session, asked.titleId(),
                        "/titles/" + asked.titleId() + "/master.m3u8?exp=1&sid=" + session + "&sig=x",
                        new SteeringAnswer(List.of("http://127.0.0.1:1"), 300),
                        PlaybackPaths.STEERING.replace("{sessionId}", session.toString()), 0, 60_000,
                        Instant.parse("2026-01-01T14:00:00Z"), region));
            }
            if (request.getMethod().equals("GET") && path.endsWith("/steering")) {
                return backend.ok(new SteeringAnswer(List.of("http://127.0.0.1:2"), 300));
            }
            if (request.getMethod().equals("DELETE") && path.startsWith(PlaybackPaths.SESSIONS + "/")) {
                return new MockResponse.Builder().code(204).build();
            }
            if (path.equals(dev.marquee.model.metrics.MetricsPaths.HEARTBEATS)) {
                return new MockResponse.Builder().code(202).build();
            }
            if (path.equals(PlaybackPaths.CONTINUE_WATCHING)) {
                return backend.ok(List.of(new ResumePosition(WATCHED, 30_000, 60_000,
                        Instant.parse("2026-01-01T11:00:00Z"))));
            }
            if (path.startsWith("/api/playback/resume/")) {
                return path.endsWith(WATCHED.toString())
                        ? backend.ok(new ResumePosition(WATCHED, 30_000, 60_000, Instant.parse("2026-01-01T11:00:00Z")))
                        : FakeBackend.problem(404, "Never played.");
            }
            if (path.equals(ApiPaths.DEVICES) && request.getMethod().equals("GET")) {
                return backend.ok(List.copyOf(devices.values()));
            }
            if (path.equals(ApiPaths.DEVICES) && request.getMethod().equals("POST")) {
                RegisterDeviceRequest asked = json.readValue(body, RegisterDeviceRequest.class);
                DeviceView device = new DeviceView(UUID.randomUUID(), asked.name(), "EC", asked.publicKey(),
                        Instant.parse("2026-01-01T12:00:00Z"), null);
                devices.put(device.id().toString(), device);
                return created(device);
            }
            return FakeBackend.problem(404, "No such endpoint: " + path);
        }

        private MockResponse created(Object payload) {
            return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                    .body(json.writeValueAsString(payload)).build();
        }
    }
}
