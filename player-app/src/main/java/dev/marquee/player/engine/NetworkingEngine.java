package dev.marquee.player.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Makes every request of the player on OkHttp: timeouts per {@link RequestType}, retries with {@link Backoff},
 * and for manifests and segments the ranked edges of a {@link ContentSteeringManager}: when an edge fails or
 * stalls (no byte for {@link #DEFAULT_STALL_TIMEOUT}) it asks the next edge for the <em>same</em> resource, so the
 * caller's buffer is never dropped. It does not parse, decrypt or choose what to fetch. Calls block the calling
 * thread (the streaming engine's); a {@link Progress} callback can abandon a download.
 */
public final class NetworkingEngine {

    /** Told about the bytes of a download as they arrive; answers whether to abandon it. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (loaded, total, elapsedUs) -> false;

        boolean abandon(long bytesLoaded, long bytesTotal, long elapsedUs);
    }

    /** Shapes the link in tests and benchmarks: called per chunk read, it may wait to emulate a throughput trace. */
    @FunctionalInterface
    public interface LinkShaper {
        LinkShaper NONE = bytes -> { };

        void received(int bytes) throws InterruptedException;
    }

    /** Thrown when the {@link Progress} callback abandoned a download. */
    public static final class AbandonedException extends IOException {
        AbandonedException(String url) {
            super("abandoned " + url);
        }
    }

    /** Connecting to a loopback or nearby edge takes milliseconds; 2 s means it is not answering. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** No byte for 1.5 s on a segment: the edge stalls, try the next one while the buffer still holds. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMillis(1_500);
    /** Licence and steering answers are computed, not streamed: allow 5 s. */
    public static final Duration CONTROL_READ_TIMEOUT = Duration.ofSeconds(5);
    /** Rounds over the whole edge list (with back-off between rounds) before giving up on one resource. */
    public static final int DEFAULT_MAX_ROUNDS = 4;
    /** Progress is reported every 16 KiB: a few times per segment even at low rungs. */
    private static final int CHUNK_BYTES = 16 * 1024;
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient segmentClient;
    private final OkHttpClient controlClient;
    private final ContentSteeringManager steering;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    private final NetworkListener listener;
    private final LinkShaper shaper;
    private final int maxRounds;

    public NetworkingEngine(OkHttpClient base, ContentSteeringManager steering, Backoff backoff, Backoff.Sleeper sleeper,
                            NetworkListener listener, LinkShaper shaper, Duration stallTimeout, int maxRounds) {
        this.segmentClient = base.newBuilder().connectTimeout(DEFAULT_CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(stallTimeout.toMillis(), TimeUnit.MILLISECONDS).retryOnConnectionFailure(false).build();
        this.controlClient = base.newBuilder().connectTimeout(DEFAULT_CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(CONTROL_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).build();
        this.steering = Objects.requireNonNull(steering, "steering");
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.listener = listener;
        this.shaper = shaper;
        this.maxRounds = maxRounds;
    }

    public ContentSteeringManager steering() {
        return steering;
    }

    /**
     * Fetches a manifest or segment given by its path (and signed query) on the edges, trying the ranked base URLs
     * in order and then again after a back-off, at most {@link #DEFAULT_MAX_ROUNDS} rounds.
     */
    public Fetched fetchFromEdges(RequestType type, String pathAndQuery, Progress progress)
            throws IOException, InterruptedException {
        if (pathAndQuery.startsWith("http://") || pathAndQuery.startsWith("https://")) {
            return withRetries(type, pathAndQuery, maxRounds, () -> get(segmentClient, type, pathAndQuery, progress));
        }
        IOException last = null;
        int failovers = 0;
        for (int round = 0; round < maxRounds; round++) {
            if (round > 0) {
                sleeper.sleep(backoff.delay(round - 1));
            }
            List<String> bases = steering.rankedBaseUrls();
            for (String base : bases) {
                String url = join(base, pathAndQuery);
                try {
                    Fetched fetched = get(segmentClient, type, url, progress);
                    return new Fetched(fetched.body(), url, base, fetched.cacheStatus(), fetched.edgeNode(),
                            fetched.durationUs(), failovers);
                } catch (AbandonedException e) {
                    throw e;
                } catch (HttpStatusException e) {
                    if (!e.retryable()) {
                        throw e;
                    }
                    last = e;
                } catch (InterruptedIOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("fetch of " + url + " interrupted");
                    }
                    last = e; // read timeout: the edge stalled
                } catch (IOException e) {
                    last = e;
                }
                listener.edgeFailedOver(type, base, last);
                steering.edgeFailed(base);
                failovers++;
            }
        }
        throw new IOException("no edge could serve " + pathAndQuery + " after " + maxRounds + " rounds", last);
    }

    /** A GET to an absolute URL (steering, server key), retried with back-off on transport and 5xx errors. */
    public Fetched get(RequestType type, String url) throws IOException, InterruptedException {
        return withRetries(type, url, maxRounds, () -> get(controlClient, type, url, Progress.NONE));
    }

    /** A JSON POST to an absolute URL (licence), retried with back-off on transport and 5xx errors only. */
    public Fetched postJson(RequestType type, String url, byte[] json, String bearerToken, boolean retry)
            throws IOException, InterruptedException {
        return withRetries(type, url, retry ? maxRounds : 1, () -> {
            Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            return execute(controlClient, type, request.build(), Progress.NONE);
        });
    }

    /**
     * A GET of {@code path} on the control plane (steering), with the bearer token when not null: each round tries
     * the route's regions in turn (a region that gives no answer or a 5xx is reported to the route, which moves on),
     * then backs off; 4xx fail at once.
     */
    public Fetched get(RequestType type, ControlPlaneRoute route, String path, String bearerToken)
            throws IOException, InterruptedException {
        return onControlPlane(type, route, path, maxRounds, url -> {
            Request.Builder request = new Request.Builder().url(url).get();
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            return request.build();
        });
    }

    /** A JSON POST of {@code path} on the control plane (licences), failing over like {@link #get(RequestType, ControlPlaneRoute, String, String)}. */
    public Fetched postJson(RequestType type, ControlPlaneRoute route, String path, byte[] json, String bearerToken,
                            boolean retry) throws IOException, InterruptedException {
        return onControlPlane(type, route, path, retry ? maxRounds : 1, url -> {
            Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            return request.build();
        });
    }

    private Fetched onControlPlane(RequestType type, ControlPlaneRoute route, String path, int rounds,
                                   java.util.function.Function<String, Request> request)
            throws IOException, InterruptedException {
        return withRetries(type, path, rounds, () -> {
            IOException last = null;
            route.baseUrl(); // may learn the route's regions: ask before counting them
            int attempts = Math.max(1, route.attempts());
            for (int attempt = 0; attempt < attempts; attempt++) {
                String base = route.baseUrl();
                try {
                    return execute(controlClient, type, request.apply(join(base, path)), Progress.NONE);
                } catch (HttpStatusException e) {
                    if (!e.retryable()) {
                        throw e;
                    }
                    if (e.status() < 500) {
                        throw e; // 408/429: the region answers, it is busy: back off, do not leave it
                    }
                    last = e;
                } catch (InterruptedIOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("control-plane call to " + base + path + " interrupted");
                    }
                    last = e;
                } catch (IOException e) {
                    last = e;
                }
                route.failed(base, last);
                if (route.baseUrl().equals(base)) {
                    break; // nowhere else to go this round
                }
            }
            throw last;
        });
    }

    private interface Attempt {
        Fetched run() throws IOException, InterruptedException;
    }

    private Fetched withRetries(RequestType type, String url, int rounds, Attempt attempt)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int round = 0; round < rounds; round++) {
            if (round > 0) {
                sleeper.sleep(backoff.delay(round - 1));
            }
            try {
                return attempt.run();
            } catch (HttpStatusException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private Fetched get(OkHttpClient client, RequestType type, String url, Progress progress)
            throws IOException, InterruptedException {
        return execute(client, type, new Request.Builder().url(url).get().build(), progress);
    }

    private Fetched execute(OkHttpClient client, RequestType type, Request request, Progress progress)
            throws IOException, InterruptedException {
        String url = request.url().toString();
        listener.requestStart(type, url);
        long startNs = System.nanoTime();
        Call call = client.newCall(request);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                String text = body.string();
                throw new HttpStatusException(url, response.code(), text.length() > 2_000 ? text.substring(0, 2_000) : text);
            }
            long total = body.contentLength();
            byte[] bytes = read(body.byteStream(), total, startNs, progress, url);
            long durationUs = (System.nanoTime() - startNs) / 1_000;
            String cache = response.header("X-Cache");
            listener.requestEnd(type, url, bytes.length, durationUs, cache);
            return new Fetched(bytes, url, null, cache, response.header("X-Marquee-Node"), durationUs, 0);
        } catch (IOException | InterruptedException | RuntimeException e) {
            call.cancel();
            listener.requestFailed(type, url, e);
            throw e;
        }
    }

    private byte[] read(InputStream in, long total, long startNs, Progress progress, String url)
            throws IOException, InterruptedException {
        var out = new java.io.ByteArrayOutputStream(total > 0 ? (int) total : CHUNK_BYTES);
        byte[] chunk = new byte[CHUNK_BYTES];
        int n;
        while ((n = in.read(chunk)) != -1) {
            out.write(chunk, 0, n);
            shaper.received(n);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("download of " + url + " interrupted");
            }
            long sizeForProgress = total > 0 ? total : out.size();
            if (progress.abandon(out.size(), Math.max(sizeForProgress, out.size()), (System.nanoTime() - startNs) / 1_000)) {
                throw new AbandonedException(url);
            }
        }
        if (total > 0 && out.size() != total) {
            throw new IOException("short body from " + url + ": " + out.size() + " of " + total + " bytes");
        }
        return out.toByteArray();
    }

    static String join(String base, String pathAndQuery) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }
}
