package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeUrlSigner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Fetches missing objects from upstream over HTTP: parents in order, then the origin, each attempt into a
 * temporary file that becomes the cached object only once complete. Concurrent misses for one key share one
 * fill (collapsed forwarding). A 404 ends the fill at once (the object does not exist upstream); a refused
 * connection, an error status or a timeout moves on to the next upstream.
 *
 * <p>Fills run on virtual threads with the JDK HttpClient: a fill is a few blocking steps (connect, stream to
 * a file, move), which reads plainly as blocking code and never touches an I/O thread of the server.
 */
final class Filler implements AutoCloseable {

    /**
     * Session ids of fill requests start with this: a parent then serves playlists as stored, since a child must
     * cache the original bytes, not URIs signed for the child's one-minute fill session.
     */
    static final String FILL_SESSION_PREFIX = "fill.";
    /** Fill URLs are signed for a minute: long enough for a slow fill, short enough to be useless if logged. */
    static final Duration FILL_SIGNATURE_LIFETIME = Duration.ofMinutes(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String nodeId;
    private final DiskCache cache;
    private final List<URI> upstreams;
    private final @Nullable EdgeUrlSigner signer;
    private final InstantSource clock;
    private final Duration attemptTimeout;
    private final NodeStats stats;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final ConcurrentHashMap<String, CompletableFuture<StoredObject>> inFlight = new ConcurrentHashMap<>();

    Filler(String nodeId, DiskCache cache, List<URI> upstreams, @Nullable EdgeUrlSigner signer, InstantSource clock,
           Duration attemptTimeout, NodeStats stats) {
        this.nodeId = nodeId;
        this.cache = cache;
        this.upstreams = upstreams;
        this.signer = signer;
        this.clock = clock;
        this.attemptTimeout = attemptTimeout;
        this.stats = stats;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    int inFlight() {
        return inFlight.size();
    }

    /** The object for {@code key}, filled once however many callers ask at the same time. */
    CompletableFuture<StoredObject> fill(String key) {
        return fill(key, false);
    }

    /** As {@link #fill(String)}; {@code planned} marks a fill-plan object (it is cached as protected). */
    CompletableFuture<StoredObject> fill(String key, boolean planned) {
        CompletableFuture<StoredObject> mine = new CompletableFuture<>();
        CompletableFuture<StoredObject> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        executor.execute(() -> {
            try {
                StoredObject object = cache.find(key); // filled by a fill that finished since the caller looked
                if (object == null) {
                    object = fillFromUpstreams(key, planned);
                }
                inFlight.remove(key, mine);
                mine.complete(object);
            } catch (FillException e) {
                stats.fillFailures.increment();
                inFlight.remove(key, mine);
                mine.completeExceptionally(e);
            } catch (RuntimeException e) {
                stats.fillFailures.increment();
                inFlight.remove(key, mine);
                mine.completeExceptionally(new FillException(502, "fill failed: " + e));
            }
        });
        return mine;
    }

    private StoredObject fillFromUpstreams(String key, boolean planned) throws FillException {
        if (upstreams.isEmpty()) {
            throw new FillException(502, "no upstream configured for " + key);
        }
        boolean timedOut = false;
        StringBuilder failures = new StringBuilder();
        for (URI upstream : upstreams) {
            try {
                return fillFrom(upstream, key, planned);
            } catch (FillException e) {
                if (e.status() == 404) {
                    throw e;
                }
                failures.append(failures.isEmpty() ? "" : "; ").append(e.getMessage());
            } catch (HttpTimeoutException e) {
                timedOut = true;
                failures.append(failures.isEmpty() ? "" : "; ").append(upstream).append(" timed out");
            } catch (ConnectException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(upstream).append(" refused the connection");
            } catch (IOException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(upstream).append(": ").append(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FillException(502, "fill interrupted");
            }
        }
        throw new FillException(timedOut ? 504 : 502, "every upstream failed for " + key + ": " + failures);
    }

    private StoredObject fillFrom(URI upstream, String key, boolean planned)
            throws IOException, InterruptedException, FillException {
        String path = "/" + key;
        String target = signer == null ? path
                : signer.sign(path, clock.instant().plus(FILL_SIGNATURE_LIFETIME), FILL_SESSION_PREFIX + nodeId);
        URI uri = URI.create(stripTrailingSlash(upstream.toString()) + target);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(attemptTimeout).GET()
                .header("X-Marquee-Fill", nodeId).build();
        Path part = cache.newTemporaryFile();
        try {
            HttpResponse<Path> response = http.send(request, info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.ofFile(part)
                    : HttpResponse.BodySubscribers.replacing(part));
            int status = response.statusCode();
            if (status == 404) {
                throw new FillException(404, key + " does not exist upstream");
            }
            if (status != 200) {
                throw new FillException(502, upstream + " answered " + status);
            }
            long size = Files.size(part);
            long declared = response.headers().firstValueAsLong("content-length").orElse(size);
            if (size != declared) {
                throw new FillException(502, upstream + " sent " + size + " of " + declared + " bytes");
            }
            stats.bytesFilled.add(size);
            long lastModifiedMs = response.headers().firstValue("last-modified")
                    .map(Filler::parseHttpDate).orElse(clock.millis());
            return cache.admit(key, part, lastModifiedMs, planned);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static long parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
