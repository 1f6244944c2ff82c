package dev.marquee.console.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * A server-sent events reader on its own virtual thread that reconnects by itself: after a failed or ended
 * connection it waits (starting at {@link #INITIAL_BACKOFF}, doubling up to {@link #MAX_BACKOFF}, back to the start
 * after a good connection, or the server's {@code retry:} hint) and reconnects with {@code Last-Event-ID}. It does
 * not authenticate: the given client's interceptors do. Listeners are called on the reader thread.
 */
public final class SseClient implements AutoCloseable {
    /** Quick enough that a restarted backend is picked up at once; the doubling spares a dead one. */
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    /** A console on a dead backend retries at least this often. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** The backend's streams send something every few seconds; silence this long means a dead connection. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final OkHttpClient http;
    private final HttpUrl url;
    private final Consumer<SseEvent> events;
    private final Consumer<Boolean> connected;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean closed;
    private volatile @Nullable Call call;
    private volatile @Nullable String lastEventId;
    private volatile int connections;

    public SseClient(OkHttpClient http, HttpUrl url, Consumer<SseEvent> events, Consumer<Boolean> connected) {
        this.http = http.newBuilder().readTimeout(READ_TIMEOUT).callTimeout(Duration.ZERO).build();
        this.url = url;
        this.events = events;
        this.connected = connected;
    }

    /** Starts reading on a virtual thread; returns this. */
    public SseClient start() {
        Thread.ofVirtual().name("sse " + url.encodedPath()).start(this::run);
        return this;
    }

    private void run() {
        long backoffMs = INITIAL_BACKOFF.toMillis();
        while (!closed) {
            SseParser parser = new SseParser(lastEventId);
            boolean opened = read(parser);
            lastEventId = parser.lastId();
            if (closed) {
                break;
            }
            connected.accept(false);
            if (opened) {
                backoffMs = parser.retryMs() >= 0 ? parser.retryMs() : INITIAL_BACKOFF.toMillis();
            }
            pause(backoffMs);
            if (!opened) {
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /** One connection; true when the server accepted it (2xx event stream), whatever happened afterwards. */
    private boolean read(SseParser parser) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
        String resumeAfter = parser.lastId();
        if (resumeAfter != null) {
            request.header("Last-Event-ID", resumeAfter);
        }
        Call current = http.newCall(request.build());
        call = current;
        if (closed) {
            return false;
        }
        boolean opened = false;
        try (Response response = current.execute()) {
            if (!response.isSuccessful()) {
                return false;
            }
            opened = true;
            connections++;
            connected.accept(true);
            BufferedSource source = response.body().source();
            String line;
            while (!closed && (line = source.readUtf8Line()) != null) {
                parser.line(line).ifPresent(events);
            }
            return true;
        } catch (IOException e) {
            return opened; // a broken connection: reconnect after the pause
        }
    }

    private void pause(long ms) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + ms * 1_000_000;
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                wake.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** How many connections the server accepted so far. */
    public int connections() {
        return connections;
    }

    @Override
    public void close() {
        closed = true;
        Call current = call;
        if (current != null) {
            current.cancel();
        }
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
