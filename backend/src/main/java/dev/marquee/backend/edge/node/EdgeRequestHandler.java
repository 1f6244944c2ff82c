package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeUrlSigner;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Answers one connection's requests in order: refusals first (decoder limits, method, path, signature, state),
 * then a hit from disk with zero-copy {@link DefaultFileRegion}, or a miss through the node's {@link Filler}.
 * While a miss waits for its fill the connection reads no further, and pipelined requests already decoded wait
 * in a queue, so responses leave in request order.
 *
 * <p>One instance per connection; every method runs on the connection's I/O thread.
 */
final class EdgeRequestHandler extends ChannelInboundHandlerAdapter {

    private static final String HEALTH_PATH = "/health";

    private final EdgeNode node;
    /**
     * Cork the socket while a batch of responses is written (as nginx's tcp_nopush does), so a response's
     * headers leave in the same segment as the first file bytes instead of as a tiny packet of their own.
     */
    static final boolean CORK = Boolean.parseBoolean(System.getProperty("marquee.edge.cork", "true"));

    private final AsciiString nodeId;
    /** Whether the request being answered is a HEAD (its answer carries no body, problems included). */
    private boolean headRequest;
    private boolean waitingForFill;
    private boolean corked;
    private @Nullable ArrayDeque<HttpRequest> queued;
    private @Nullable OpenFiles openFiles;

    EdgeRequestHandler(EdgeNode node) {
        this.node = node;
        this.nodeId = node.idHeader();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                if (waitingForFill) {
                    if (queued == null) {
                        queued = new ArrayDeque<>();
                    }
                    queued.add(request);
                } else {
                    handle(ctx, request);
                }
            }
            // Bodies (HttpContent) of GET/HEAD are read and dropped.
        } finally {
            if (msg instanceof HttpContent) {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush(ctx);
    }

    /** Flushes what is written; uncorks after the kernel has taken the batch (the tail then leaves at once). */
    private void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        if (corked) {
            corked = false;
            if (ctx.channel() instanceof EpollSocketChannel epoll && epoll.isOpen()) {
                epoll.config().setTcpCork(false);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset peer or a broken pipe: nothing to answer
    }

    private void handle(ChannelHandlerContext ctx, HttpRequest request) {
        NodeStats stats = node.stats();
        stats.requests.increment();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        headRequest = HttpMethod.HEAD.equals(request.method());
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                refuse(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long", false);
            } else if (cause instanceof TooLongHttpHeaderException) {
                refuse(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large", false);
            } else {
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, "malformed request", false);
            }
            return;
        }
        HttpMethod method = request.method();
        boolean head = HttpMethod.HEAD.equals(method);
        if (!head && !HttpMethod.GET.equals(method)) {
            HttpResponse response = Responses.problem(ctx.alloc(), HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "only GET and HEAD are served", node.clock().millis());
            response.headers().set(HttpHeaderNames.ALLOW, Responses.ALLOW);
            send(ctx, response, keepAlive);
            return;
        }
        if (node.state() == EdgeAdminState.DOWN) {
            refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "node " + node.id() + " is down", false);
            return;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (path.equals(HEALTH_PATH)) {
            sendHealth(ctx, keepAlive);
            return;
        }
        String key = ObjectKeys.keyOf(path);
        if (key == null) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "not a valid object path", keepAlive);
            return;
        }
        EdgeUrlSigner signer = node.signer();
        SignedQuery signed = null;
        if (signer != null) {
            signed = SignedQuery.parse(q < 0 ? "" : uri.substring(q + 1));
            EdgeUrlSigner.Verdict verdict = signer.verify(path, signed.exp(), signed.sid(), signed.sig(),
                    node.clock().millis() / 1000);
            if (verdict != EdgeUrlSigner.Verdict.VALID) {
                refuse(ctx, HttpResponseStatus.FORBIDDEN, switch (verdict) {
                    case EXPIRED -> "signed URL expired";
                    case MISSING -> "URL is not signed";
                    default -> "signature does not match";
                }, keepAlive);
                return;
            }
        }
        // With a signer, a playlist's URIs inherit this request's (valid) signature; see PlaylistSigning.
        // A fill (another node) gets the stored bytes to cache.
        PlaylistContext playlist = signer != null && signed != null && PlaylistSigning.isPlaylist(key)
                && !signed.sid().startsWith(Filler.FILL_SESSION_PREFIX)
                ? new PlaylistContext(signer, path, Long.parseLong(signed.exp()), signed.sid()) : null;
        StoredObject object = node.store().find(key);
        if (object != null) {
            if (serve(ctx, request, object, head, keepAlive, playlist, true)) {
                stats.hits.increment();
                return;
            }
            node.store().forget(object); // evicted between lookup and open
        }
        Filler filler = node.filler();
        if (filler == null) {
            refuse(ctx, HttpResponseStatus.NOT_FOUND, "no object " + key, keepAlive);
            return;
        }
        stats.misses.increment();
        waitingForFill = true;
        ctx.channel().config().setAutoRead(false);
        filler.fill(key).whenComplete((filled, failure) -> ctx.executor().execute(() -> {
            waitingForFill = false;
            headRequest = head;
            if (!ctx.channel().isActive()) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                int code = cause instanceof FillException f ? f.status() : 502;
                refuse(ctx, HttpResponseStatus.valueOf(code), cause.getMessage(), keepAlive);
            } else if (!serve(ctx, request, filled, head, keepAlive, playlist, false)) {
                refuse(ctx, HttpResponseStatus.BAD_GATEWAY, "filled object vanished", keepAlive);
            }
            flush(ctx);
            drainQueue(ctx);
            if (!waitingForFill) {
                ctx.channel().config().setAutoRead(true);
            }
        }));
    }

    private void drainQueue(ChannelHandlerContext ctx) {
        while (!waitingForFill && queued != null && !queued.isEmpty()) {
            handle(ctx, queued.poll());
        }
        flush(ctx);
    }

    /** Writes the object (or its range, or a 304); false when its file is gone. */
    private boolean serve(ChannelHandlerContext ctx, HttpRequest request, StoredObject object, boolean head,
                          boolean keepAlive, @Nullable PlaylistContext playlist, boolean hit) {
        if (playlist != null) {
            return servePlaylist(ctx, request, object, head, keepAlive, playlist, hit);
        }
        long nowMs = node.clock().millis();
        HttpHeaders in = request.headers();
        String ifNoneMatch = in.get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null && etagMatches(ifNoneMatch, object)) {
            HttpResponse response = Responses.head(HttpResponseStatus.NOT_MODIFIED);
            commonHeaders(response.headers(), object, nowMs);
            identify(response.headers(), hit);
            send(ctx, response, keepAlive);
            return true;
        }
        ByteRange range = null;
        String rangeHeader = in.get(HttpHeaderNames.RANGE);
        if (rangeHeader != null) {
            String ifRange = in.get(HttpHeaderNames.IF_RANGE);
            if (ifRange == null || object.etag().contentEquals(ifRange)) {
                range = ByteRange.parse(rangeHeader, object.length());
            }
        }
        if (range == ByteRange.UNSATISFIABLE) {
            HttpResponse response = Responses.problem(ctx.alloc(), HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range outside 0-" + (object.length() - 1), nowMs);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + object.length());
            send(ctx, response, keepAlive);
            return true;
        }
        long offset = 0;
        long length = object.length();
        if (range != null) {
            offset = range.first();
            length = range.length();
        }
        DefaultFileRegion region = null;
        if (!head && length > 0) {
            OpenFiles files = openFiles;
            if (files == null) {
                files = openFiles = node.openFiles(ctx.executor()); // a connection stays on one loop for its life
            }
            region = files.region(object, offset, length);
            if (region == null) {
                return false;
            }
        }
        ByteBuf wireHead = ResponseWire.objectHead(ctx.alloc(), object, range, nowMs,
                hit ? node.identityHit() : node.identityMiss(), keepAlive);
        if (!head) {
            node.stats().bytesServed.add(length);
        }
        finish(ctx, wireHead, region, keepAlive);
        return true;
    }

    /**
     * Serves a playlist rewritten by {@link PlaylistSigning}: read whole (playlists are a few KB), signed, and sent
     * from memory with its own length and ETag (the stored object's ETag names other bytes). It is private to the
     * session, so shared caches must not keep it. Ranges, HEAD and If-None-Match work on the rewritten bytes.
     */
    private boolean servePlaylist(ChannelHandlerContext ctx, HttpRequest request, StoredObject object, boolean head,
                                  boolean keepAlive, PlaylistContext playlist, boolean hit) {
        byte[] stored;
        try {
            stored = java.nio.file.Files.readAllBytes(object.file());
        } catch (IOException e) {
            return false;
        }
        byte[] body = PlaylistSigning.sign(stored, playlist.path(), playlist.expiresEpochS(), playlist.session(),
                playlist.signer());
        SignedPlaylist signed = SignedPlaylist.of(body, object);
        long nowMs = node.clock().millis();
        HttpHeaders in = request.headers();
        String ifNoneMatch = in.get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null && etagMatches(ifNoneMatch, signed.etag())) {
            HttpResponse response = Responses.head(HttpResponseStatus.NOT_MODIFIED);
            signed.headers(response.headers(), nowMs);
            identify(response.headers(), hit);
            send(ctx, response, keepAlive);
            return true;
        }
        ByteRange range = null;
        String rangeHeader = in.get(HttpHeaderNames.RANGE);
        if (rangeHeader != null) {
            String ifRange = in.get(HttpHeaderNames.IF_RANGE);
            if (ifRange == null || signed.etag().equals(ifRange)) {
                range = ByteRange.parse(rangeHeader, body.length);
            }
        }
        if (range == ByteRange.UNSATISFIABLE) {
            HttpResponse response = Responses.problem(ctx.alloc(), HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range outside 0-" + (body.length - 1), nowMs);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + body.length);
            send(ctx, response, keepAlive);
            return true;
        }
        int offset = range == null ? 0 : (int) range.first();
        int length = range == null ? body.length : (int) range.length();
        io.netty.handler.codec.http.FullHttpResponse response = new io.netty.handler.codec.http.DefaultFullHttpResponse(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                range == null ? HttpResponseStatus.OK : HttpResponseStatus.PARTIAL_CONTENT,
                head ? io.netty.buffer.Unpooled.EMPTY_BUFFER : io.netty.buffer.Unpooled.wrappedBuffer(body, offset, length));
        signed.headers(response.headers(), nowMs);
        identify(response.headers(), hit);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length).set(HttpHeaderNames.CONTENT_TYPE, object.contentType());
        if (range != null) {
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + body.length);
        }
        if (!head) {
            node.stats().bytesServed.add(length);
        }
        send(ctx, response, keepAlive);
        return true;
    }

    /**
     * Which node answered and whether from its cache: players show both ("stats for nerds"). Like the other header
     * helpers it adds to a response's fresh headers: {@code set} would first look for a value to remove.
     */
    private void identify(HttpHeaders out, boolean hit) {
        out.add(Responses.X_CACHE, hit ? Responses.HIT : Responses.MISS).add(Responses.X_NODE, nodeId);
    }

    private static void commonHeaders(HttpHeaders out, StoredObject object, long nowMs) {
        out.add(HttpHeaderNames.ETAG, object.etag())
           .add(HttpHeaderNames.LAST_MODIFIED, object.lastModified())
           .add(HttpHeaderNames.CACHE_CONTROL, object.cacheControl())
           .add(HttpHeaderNames.ACCEPT_RANGES, Responses.BYTES)
           .add(HttpHeaderNames.DATE, Responses.date(nowMs))
           .add(HttpHeaderNames.SERVER, Responses.SERVER);
    }

    /** RFC 9110 §13.1.2: weak comparison over a list of entity tags, or "*". */
    static boolean etagMatches(String header, StoredObject object) {
        return etagMatches(header, object.etag().toString());
    }

    static boolean etagMatches(String header, String etag) {
        int start = 0;
        while (start < header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            String tag = header.substring(start, end).trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * Writes a head and the object's bytes. Head and body should share TCP segments (a head alone would be a tiny
     * packet of its own): on an idle connection the head goes to the kernel at once with MSG_MORE
     * ({@link HeadSender}); behind other queued responses (pipelining, a slow reader) the socket is corked for the
     * batch instead, as nginx's tcp_nopush does.
     */
    private void finish(ChannelHandlerContext ctx, ByteBuf head, @Nullable DefaultFileRegion body, boolean keepAlive) {
        if (body != null && ctx.channel() instanceof EpollSocketChannel epoll) {
            if (!corked && HeadSender.canSendNow(epoll)) {
                HeadSender.send(epoll, head);
            } else if (CORK && !corked) {
                epoll.config().setTcpCork(true);
                corked = true;
            }
        }
        if (head.isReadable()) {
            ctx.write(head, ctx.voidPromise());
        } else {
            head.release();
        }
        if (body == null) {
            // nothing more
        } else if (keepAlive) {
            ctx.write(body, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(body).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!keepAlive) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void send(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, "close");
        }
        ByteBuf bytes = ResponseWire.encode(ctx.alloc(), response, headRequest);
        if (keepAlive) {
            ctx.write(bytes, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String detail, boolean keepAlive) {
        send(ctx, Responses.problem(ctx.alloc(), status, detail, node.clock().millis()), keepAlive);
    }

    private void sendHealth(ChannelHandlerContext ctx, boolean keepAlive) {
        EdgeAdminState state = node.state();
        var s = node.stats().snapshot();
        String json = "{\"status\":\"" + state + "\",\"id\":\"" + node.id() + "\",\"tier\":\"" + node.config().tier()
                + "\",\"region\":\"" + Responses.escape(node.config().region()) + "\",\"requests\":" + s.requests()
                + ",\"hitRatio\":" + s.hitRatio() + ",\"storedBytes\":" + s.storedBytes()
                + ",\"fillsInFlight\":" + s.fillsInFlight() + "}";
        // DRAINING still serves objects but tells load balancers and steering to send no new clients.
        HttpResponseStatus status = state == EdgeAdminState.UP ? HttpResponseStatus.OK
                : HttpResponseStatus.SERVICE_UNAVAILABLE;
        send(ctx, Responses.full(ctx.alloc(), status, Responses.JSON, json, node.clock().millis()), keepAlive);
    }

    /** The signature parameters of a request's query (any may be missing). */
    record SignedQuery(@Nullable String exp, @Nullable String sid, @Nullable String sig) {
        static SignedQuery parse(String query) {
            String exp = null;
            String sid = null;
            String sig = null;
            int start = 0;
            while (start < query.length()) {
                int end = query.indexOf('&', start);
                if (end < 0) {
                    end = query.length();
                }
                if (query.startsWith("exp=", start)) {
                    exp = query.substring(start + 4, end);
                } else if (query.startsWith("sid=", start)) {
                    sid = query.substring(start + 4, end);
                } else if (query.startsWith("sig=", start)) {
                    sig = query.substring(start + 4, end);
                }
                start = end + 1;
            }
            return new SignedQuery(exp, sid, sig);
        }
    }

    /** What a playlist's URIs are signed with: the verified request's path, expiry and session. */
    private record PlaylistContext(EdgeUrlSigner signer, String path, long expiresEpochS, String session) {}

    /** A rewritten playlist's response headers: its own strong ETag (a hash of the bytes sent) and no sharing. */
    private record SignedPlaylist(StoredObject stored, String etag) {
        /** The signed URIs belong to one session: no shared cache may hand them to another. */
        static final String CACHE_CONTROL = "private, max-age=10";
        /** 128 bits of SHA-256 tell two bodies apart as well as an ETag needs. */
        static final int ETAG_BYTES = 16;

        static SignedPlaylist of(byte[] body, StoredObject stored) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
                return new SignedPlaylist(stored, "\"" + java.util.HexFormat.of().formatHex(digest, 0, ETAG_BYTES) + "\"");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }

        void headers(HttpHeaders out, long nowMs) {
            out.set(HttpHeaderNames.ETAG, etag)
               .set(HttpHeaderNames.LAST_MODIFIED, stored.lastModified())
               .set(HttpHeaderNames.CACHE_CONTROL, CACHE_CONTROL)
               .set(HttpHeaderNames.ACCEPT_RANGES, Responses.BYTES)
               .set(HttpHeaderNames.DATE, Responses.date(nowMs))
               .set(HttpHeaderNames.SERVER, Responses.SERVER);
        }
    }
}
