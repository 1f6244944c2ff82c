package dev.marquee.backend.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp;
import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.identity.Role;
import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.model.topology.ControlPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A player's whole path through the real backend on loopback: sign in as the demo viewer, register a device key,
 * start a session through a region's gateway, fetch master, media playlist and a segment from an edge with the
 * signed paths, get a licence, verify it, unwrap the content key and decrypt the segment to MPEG-TS.
 */
class PlaybackIntegrationTest extends BackendIntegrationSupport {
    /** MPEG-TS packets start with this sync byte (ISO/IEC 13818-1). */
    static final int TS_SYNC_BYTE = 0x47;
    static final Duration WITHIN = Duration.ofSeconds(15);
    private static final HttpClient EDGE_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ApplicationContext context;
    @Autowired
    EdgeManagement edges;

    UUID title;
    TestHttp gateway;
    String sreToken;

    @BeforeEach
    void publishedTitleAndGateway() throws Exception {
        title = PlaybackClient.publishedTitle(context);
        TestAccounts.Credentials sre = TestAccounts.create(context, Role.SRE);
        sreToken = http().signIn(sre.email(), sre.password()).path("accessToken").asString();
        gateway = gatewayOf("us-east-1");
    }

    private TestHttp gatewayOf(String region) {
        String url = null;
        for (JsonNode r : http().get(ControlPaths.REGIONS, sreToken).json()) {
            if (r.path("region").asString().equals(region)) {
                url = r.path("gatewayUrl").asString();
            }
        }
        assertThat(url).as(region + " gateway").isNotNull();
        return new TestHttp(url);
    }

    @Test
    void theDemoViewerPlaysATitleThroughGatewayEdgeAndLicence() throws Exception {
        Properties credentials = new Properties();
        credentials.load(Files.newBufferedReader(home.resolve("credentials")));
        String token = http().signIn(credentials.getProperty("viewer.email"), credentials.getProperty("viewer.password"))
                .path("accessToken").asString();
        JsonNode profiles = gateway.get(ApiPaths.PROFILES, token).json();
        UUID adult = null;
        UUID kids = null;
        for (JsonNode p : profiles) {
            if (p.path("kids").asBoolean()) {
                kids = UUID.fromString(p.path("id").asString());
            } else {
                adult = UUID.fromString(p.path("id").asString());
            }
        }
        PlaybackClient player = PlaybackClient.withDevice(gateway, token, adult);

        // A kids profile may not play an R-rated title; an unknown title is not playable either.
        TestHttp.Reply refused = PlaybackClient.startSession(gateway, token, kids, title);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("type").asString()).isEqualTo(PlaybackPaths.PROBLEM_NOT_PLAYABLE);
        assertThat(refused.json().path("detail").asString()).contains("Kids");
        assertThat(PlaybackClient.startSession(gateway, token, adult, UUID.randomUUID()).status()).isEqualTo(404);

        TestHttp.Reply started = player.startSession(title, null, "comcast");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.headers().firstValue(ControlPaths.INSTANCE_HEADER)).hasValueSatisfying(
                instance -> assertThat(instance).contains("playback"));
        PlaybackManifest manifest = PlaybackClient.JSON.readValue(started.body(), PlaybackManifest.class);
        assertThat(manifest.region()).isEqualTo("us-east-1");
        assertThat(manifest.masterPath()).startsWith("/titles/" + title + "/master.m3u8?exp=");
        assertThat(manifest.expiresAt()).isAfter(Instant.now().plus(StreamSessions.SIGNED_URL_MARGIN).minusSeconds(60));
        assertThat(manifest.steering().baseUrls()).isNotEmpty();
        assertThat(manifest.steering().baseUrls().getLast()).isEqualTo(trim(edges.originUrl().toString()));
        String edge = manifest.steering().baseUrls().getFirst();
        assertThat(edges.nodes()).filteredOn(n -> trim(n.baseUrl().toString()).equals(edge))
                .singleElement().satisfies(n -> assertThat(n.region()).isEqualTo("us-east-1"));

        // Master → first variant → first segment, from the edge, with nothing signed by the player.
        String master = fetchText(edge + manifest.masterPath());
        String mediaPath = resolve(manifest.masterPath(), firstUri(master));
        String media = fetchText(edge + mediaPath);
        String keyLine = media.lines().filter(l -> l.startsWith("#EXT-X-KEY:")).findFirst().orElseThrow();
        String segmentPath = resolve(mediaPath, firstUri(media));
        // Signed for this session by the edge that served the playlist, not for a node's fill.
        assertThat(mediaPath).contains("&sid=" + manifest.sessionId() + "&");
        assertThat(segmentPath).contains("&sid=" + manifest.sessionId() + "&");
        byte[] encrypted = fetch(edge + segmentPath).body();
        assertThat(encrypted[0] & 0xff).isNotEqualTo(TS_SYNC_BYTE);

        // The licence: the pinned server key verifies it, the device key unwraps the content key.
        String serverKey = http().get(LicensePaths.SERVER_KEY, null).json().path("publicKey").asString();
        License license = player.licensed(title, manifest.sessionId());
        assertThat(LicenseCodec.verify(license, LicenseCodec.publicKey("Ed25519", serverKey))).isTrue();
        assertThat(license.keyId()).isEqualTo(keyIdOf(keyLine));
        assertThat(license.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(9)));
        byte[] contentKey = LicenseCodec.unwrap(license, player.device.getPrivate());

        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(ivOf(keyLine, media)));
        byte[] plain = aes.doFinal(encrypted);
        assertThat(plain[0] & 0xff).isEqualTo(TS_SYNC_BYTE);
        assertThat(plain[188] & 0xff).isEqualTo(TS_SYNC_BYTE);
    }

    @Test
    void heartbeatsBecomeResumePositionsAndEndTheSession() throws Exception {
        PlaybackClient player = PlaybackClient.newViewer(context, http(), gateway);
        UUID session = player.startedSession(title);

        assertThat(gateway.post(MetricsPaths.HEARTBEATS, player.token, heartbeat(player, session,
                PlaybackEventType.PLAYING, 1_500)).status()).isEqualTo(202);
        String resumePath = PlaybackPaths.RESUME.replace("{titleId}", title.toString()) + "?profileId=" + player.profileId;
        await().atMost(WITHIN).until(() -> gateway.get(resumePath, player.token).json().path("positionMs").asLong() == 1_500);
        JsonNode row = gateway.get(PlaybackPaths.CONTINUE_WATCHING + "?profileId=" + player.profileId, player.token).json();
        assertThat(row).hasSize(1);
        assertThat(row.get(0).path("titleId").asString()).isEqualTo(title.toString());
        assertThat(row.get(0).path("durationMs").asLong()).isPositive();

        // The gateway's home screen asks without a profile: the account's first (only) profile answers.
        JsonNode home = gateway.get(ControlPaths.HOME, player.token).json();
        assertThat(home.path("parts").path("continueWatching").path("status").asString()).isEqualTo("OK");
        assertThat(home.path("parts").path("continueWatching").path("data").get(0).path("positionMs").asLong())
                .isEqualTo(1_500);

        // A client names another profile with the header; a profile of another account is not found.
        UUID second = UUID.fromString(gateway.post(ApiPaths.PROFILES, player.token,
                TestHttp.json(TestHttp.map("name", "Kim", "kids", false))).json().path("id").asString());
        assertThat(gateway.send(gateway.request(PlaybackPaths.CONTINUE_WATCHING, player.token)
                .header(PlaybackPaths.PROFILE_HEADER, second.toString()).GET()).json()).isEmpty();
        assertThat(gateway.send(gateway.request(PlaybackPaths.CONTINUE_WATCHING, player.token)
                .header(PlaybackPaths.PROFILE_HEADER, UUID.randomUUID().toString()).GET()).status()).isEqualTo(404);

        // The next session starts where this one stopped; an END heartbeat ends it.
        assertThat(player.startSession(title, null, null).json().path("resumePositionMs").asLong()).isEqualTo(1_500);
        gateway.post(MetricsPaths.HEARTBEATS, player.token, heartbeat(player, session, PlaybackEventType.END, 2_000));
        String steering = PlaybackPaths.STEERING.replace("{sessionId}", session.toString());
        await().atMost(WITHIN).until(() -> gateway.get(steering, player.token).status() == 404);

        // Another account's heartbeat for this session is dropped and changes nothing.
        HeartbeatIngester ingester = context.getBean(HeartbeatIngester.class);
        long droppedBefore = ingester.dropped();
        PlaybackClient other = PlaybackClient.newViewer(context, http(), gateway);
        assertThat(gateway.post(MetricsPaths.HEARTBEATS, other.token,
                heartbeat(player, session, PlaybackEventType.PLAYING, 9)).status()).isEqualTo(202);
        await().atMost(WITHIN).until(() -> ingester.dropped() > droppedBefore);
        assertThat(gateway.get(resumePath, player.token).json().path("positionMs").asLong()).isEqualTo(2_000);
    }

    @Test
    void resumePositionsAreReadFromTheZoneCacheAndAlwaysTheLatest() throws Exception {
        PlaybackClient player = PlaybackClient.newViewer(context, http(), gateway);
        UUID session = player.startedSession(title);
        String resumePath = PlaybackPaths.RESUME.replace("{titleId}", title.toString()) + "?profileId=" + player.profileId;

        gateway.post(MetricsPaths.HEARTBEATS, player.token, heartbeat(player, session, PlaybackEventType.PLAYING, 3_000));
        await().atMost(WITHIN).until(() -> gateway.get(resumePath, player.token).json().path("positionMs").asLong() == 3_000);
        long hitsBefore = resumeCacheHits();
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get(resumePath, player.token).json().path("positionMs").asLong()).isEqualTo(3_000);
        }
        assertThat(resumeCacheHits()).as("resume reads answered by the cache").isGreaterThanOrEqualTo(hitsBefore + 3);

        // A later heartbeat (within the 4 s title) goes through every zone's cache: no near cache keeps the old one.
        gateway.post(MetricsPaths.HEARTBEATS, player.token, heartbeat(player, session, PlaybackEventType.PLAYING, 3_500));
        await().atMost(WITHIN).until(() -> gateway.get(resumePath, player.token).json().path("positionMs").asLong() == 3_500);
        for (int i = 0; i < 3; i++) { // the gateway spreads these over the region's zones
            assertThat(gateway.get(resumePath, player.token).json().path("positionMs").asLong()).isEqualTo(3_500);
        }
    }

    @Test
    void afterAFailoverHeartbeatsWriteTheResumeCacheOfTheRegionServingTheViewer() throws Exception {
        PlaybackClient player = PlaybackClient.newViewer(context, http(), gateway);
        UUID session = player.startedSession(title);
        String resumePath = PlaybackPaths.RESUME.replace("{titleId}", title.toString()) + "?profileId=" + player.profileId;
        gateway.post(MetricsPaths.HEARTBEATS, player.token, heartbeat(player, session, PlaybackEventType.PLAYING, 1_000));
        await().atMost(WITHIN).until(() -> gateway.get(resumePath, player.token).json().path("positionMs").asLong() == 1_000);
        // us-west-2 has read the position once (a miss there fills its cache from the table).
        TestHttp west = gatewayOf("us-west-2");
        assertThat(west.get(resumePath, player.token).json().path("positionMs").asLong()).isEqualTo(1_000);

        // The player failed over to us-west-2: its heartbeats still name the session's region, us-east-1.
        assertThat(west.post(MetricsPaths.HEARTBEATS, player.token, heartbeat(player, session,
                PlaybackEventType.PLAYING, 2_500)).status()).isEqualTo(202);
        await().atMost(WITHIN).until(() -> west.get(resumePath, player.token).json().path("positionMs").asLong() == 2_500);
        for (int i = 0; i < 3; i++) { // whichever of the region's zones answers
            assertThat(west.get(resumePath, player.token).json().path("positionMs").asLong()).isEqualTo(2_500);
        }
    }

    private long resumeCacheHits() throws Exception {
        long hits = 0;
        for (JsonNode c : http().get(ControlPaths.CACHE, sreToken).json().path("caches")) {
            if (c.path("name").asString().equals(ResumeCache.NAME)) {
                hits += c.path("l1Hits").asLong() + c.path("localHits").asLong() + c.path("remoteHits").asLong();
            }
        }
        return hits;
    }

    @Test
    void steeringLeavesOutANodeThatIsDownAndOnlyTheOwnerMayAsk() throws Exception {
        PlaybackClient player = PlaybackClient.newViewer(context, http(), gateway);
        PlaybackManifest manifest = PlaybackClient.JSON.readValue(
                player.startSession(title, "us-east-1", "verizon").body(), PlaybackManifest.class);
        String steering = manifest.steeringPath();
        EdgeNodeView first = edges.nodes().stream()
                .filter(n -> trim(n.baseUrl().toString()).equals(manifest.steering().baseUrls().getFirst()))
                .findFirst().orElseThrow();
        try {
            edges.setState(first.id(), EdgeAdminState.DOWN);
            JsonNode ranked = gateway.get(steering, player.token).json();
            assertThat(ranked.path("ttlSeconds").asLong()).isPositive();
            List<String> urls = ranked.path("baseUrls").valueStream().map(JsonNode::asString).toList();
            assertThat(urls).isNotEmpty().doesNotContain(trim(first.baseUrl().toString()));
        } finally {
            edges.setState(first.id(), EdgeAdminState.UP);
        }
        PlaybackClient stranger = PlaybackClient.newViewer(context, http(), gateway);
        assertThat(gateway.get(steering, stranger.token).status()).isEqualTo(404);
        assertThat(gateway.delete(PlaybackPaths.SESSION.replace("{sessionId}", manifest.sessionId().toString()),
                stranger.token).status()).isEqualTo(404);
        assertThat(player.startSession(title, "mars-1", null).status()).isEqualTo(400);
    }

    private String heartbeat(PlaybackClient player, UUID session, PlaybackEventType type, long positionMs) {
        return TestHttp.json(new PlaybackHeartbeat(session, title, player.profileId, "us-east-1", null, type,
                positionMs, 0, 400_000, 180, 4_000, 0, 0, null, null, 0, 100, Instant.now()));
    }

    static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String firstUri(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
    }

    static String resolve(String base, String relative) {
        URI uri = URI.create("http://edge.invalid" + base).resolve(relative);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String keyIdOf(String keyLine) {
        String uri = keyLine.substring(keyLine.indexOf("URI=\"") + 5);
        uri = uri.substring(0, uri.indexOf('"'));
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The IV attribute of the segment's key line, else its media sequence number (RFC 8216 §5.2). */
    static byte[] ivOf(String keyLine, String media) {
        int at = keyLine.indexOf("IV=0x");
        if (at >= 0) {
            return HexFormat.of().parseHex(keyLine.substring(at + 5, at + 5 + 32));
        }
        long sequence = media.lines().filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return ByteBuffer.allocate(16).putLong(8, sequence).array();
    }

    static String fetchText(String url) throws Exception {
        return new String(fetch(url).body(), StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> fetch(String url) throws Exception {
        HttpResponse<byte[]> response = EDGE_CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response;
    }
}
