package dev.marquee.player.engine;

import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.license.ServerKey;
import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/** A licence server for tests with the real scheme: ECIES-wrapped key, Ed25519 signature, a stream limit. */
final class FakeLicenseServer implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final KeyPair signingKey;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final byte[] contentKey;
    private final InstantSource clock;
    volatile Duration validity = Duration.ofMinutes(10);
    volatile int maxHeight = 0;
    /** The next this many licence requests fail with 503. */
    final AtomicInteger failNext = new AtomicInteger();
    /** Refuse every request for the concurrent-stream limit. */
    volatile boolean refuseForStreamLimit;
    /** Flip a bit of the wrapped key after signing. */
    volatile boolean tamper;
    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    FakeLicenseServer(byte[] contentKey, InstantSource clock) throws Exception {
        this.contentKey = contentKey;
        this.clock = clock;
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        this.signingKey = ed.generateKeyPair();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return answer(request);
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).body(e.toString()).build();
                }
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String url() {
        return server.url("/").toString();
    }

    private MockResponse answer(RecordedRequest request) throws Exception {
        String path = request.getUrl().encodedPath();
        if (path.equals(LicensePaths.SERVER_KEY)) {
            return jsonResponse(200, json.writeValueAsString(new ServerKey("Ed25519",
                    Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded()))));
        }
        if (!path.equals(LicensePaths.LICENSES) || !"POST".equals(request.getMethod())) {
            return new MockResponse.Builder().code(404).build();
        }
        requests.incrementAndGet();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder().code(503).body("down").build();
        }
        if (refuseForStreamLimit) {
            return jsonResponse(409, "{\"type\":\"" + LicensePaths.PROBLEM_CONCURRENT_STREAM_LIMIT + "\",\"title\":"
                    + "\"Too many streams\",\"status\":409,\"detail\":\"Your plan allows 2 screens at a time and 2 are"
                    + " playing. Stop one to watch here.\"}");
        }
        LicenseRequest req = json.readValue(request.getBody().toByteArray(), LicenseRequest.class);
        PublicKey device = LicenseCodec.publicKey("EC", req.devicePublicKey());
        if (!LicenseCodec.deviceId(device.getEncoded()).equals(req.deviceId())) {
            return jsonResponse(400, "{\"title\":\"device id does not match the key\",\"status\":400}");
        }
        UUID licenseId = UUID.randomUUID();
        KeyPair ephemeral = LicenseCodec.newEcKeyPair();
        String wrapped = LicenseCodec.wrap(contentKey, ephemeral, device, licenseId, HlsFixture.KEY_ID);
        var now = clock.instant();
        License unsigned = new License(LicenseCodec.VERSION, licenseId, req.titleId(), req.deviceId(), req.sessionId(),
                HlsFixture.KEY_ID, Base64.getEncoder().encodeToString(ephemeral.getPublic().getEncoded()), wrapped,
                now, now.plus(validity), maxHeight, 2, "");
        License signed = LicenseCodec.sign(unsigned, signingKey.getPrivate());
        if (tamper) {
            byte[] blob = Base64.getDecoder().decode(signed.wrappedKey());
            blob[blob.length - 1] ^= 1;
            signed = new License(signed.version(), signed.licenseId(), signed.titleId(), signed.deviceId(),
                    signed.sessionId(), signed.keyId(), signed.ephemeralPublicKey(),
                    Base64.getEncoder().encodeToString(blob), signed.issuedAt(), signed.expiresAt(), signed.maxHeight(),
                    signed.maxConcurrentStreams(), signed.signature());
        }
        issued.incrementAndGet();
        return jsonResponse(200, json.writeValueAsString(signed));
    }

    private static MockResponse jsonResponse(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type",
                code >= 400 ? "application/problem+json" : "application/json").body(body).build();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
