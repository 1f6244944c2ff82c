package dev.marquee.backend.edge.node;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes HTTP/1.1 response heads as bytes, the node's only response encoder (there is no Netty HTTP encoder in
 * the pipeline). A hit's head is a few pre-encoded blocks copied into one buffer: the status line, the length
 * (and range), the object's own header block ({@link StoredObject#headerBlock()}, encoded when the object was
 * stored), the Date line (encoded once a second) and the node's identity lines — no header map, no per-header
 * encoding. Rare responses (problems, health, playlists, 304, 416) go through {@link #encode}, from an
 * {@link HttpResponse} built as before.
 */
final class ResponseWire {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] STATUS_200 = ascii("HTTP/1.1 200 OK\r\nContent-Length: ");
    private static final byte[] STATUS_206 = ascii("HTTP/1.1 206 Partial Content\r\nContent-Length: ");
    private static final byte[] CONTENT_RANGE = ascii("Content-Range: bytes ");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] DATE = ascii("Date: ");
    /** A head fits this easily (~330 bytes for a segment): one allocation, no resizing. */
    static final int HEAD_CAPACITY = 512;

    /** The Date line of one second; one volatile reference, so a reader never pairs a second with another's bytes. */
    private record DateLine(long second, byte[] bytes) {}

    private static volatile DateLine date = new DateLine(-1, new byte[0]);

    private ResponseWire() {}

    /**
     * The head of a 200 (range null) or 206 answer with {@code object}'s bytes: status, lengths, the object's
     * header block, Date, then {@code identity} (X-Cache and node lines, each ending in CRLF), then the blank line.
     */
    static ByteBuf objectHead(ByteBufAllocator alloc, StoredObject object, @Nullable ByteRange range, long nowMs,
                              byte[] identity, boolean keepAlive) {
        ByteBuf out = alloc.directBuffer(HEAD_CAPACITY);
        if (range == null) {
            out.writeBytes(STATUS_200);
            out.writeBytes(object.contentLengthBytes());
        } else {
            out.writeBytes(STATUS_206);
            writeLong(out, range.length());
            out.writeBytes(CRLF).writeBytes(CONTENT_RANGE);
            writeLong(out, range.first());
            out.writeByte('-');
            writeLong(out, range.last());
            out.writeByte('/');
            out.writeBytes(object.contentLengthBytes());
        }
        out.writeBytes(CRLF)
           .writeBytes(object.headerBlock())
           .writeBytes(dateLine(nowMs))
           .writeBytes(identity);
        if (!keepAlive) {
            out.writeBytes(CONNECTION_CLOSE);
        }
        return out.writeBytes(CRLF);
    }

    /** {@code response} (its head, and its content unless {@code head}) as bytes; releases a full response's content. */
    static ByteBuf encode(ByteBufAllocator alloc, HttpResponse response, boolean head) {
        ByteBuf content = response instanceof FullHttpResponse full ? full.content() : null;
        try {
            ByteBuf out = alloc.buffer(HEAD_CAPACITY + (content == null || head ? 0 : content.readableBytes()));
            ByteBufUtil.writeAscii(out, response.protocolVersion().text());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, response.status().codeAsText());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, response.status().reasonPhrase());
            out.writeBytes(CRLF);
            for (Iterator<Map.Entry<CharSequence, CharSequence>> it = response.headers().iteratorCharSequence();
                    it.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> h = it.next();
                ByteBufUtil.writeAscii(out, h.getKey());
                out.writeByte(':').writeByte(' ');
                ByteBufUtil.writeAscii(out, h.getValue());
                out.writeBytes(CRLF);
            }
            out.writeBytes(CRLF);
            if (content != null && !head) {
                out.writeBytes(content, content.readerIndex(), content.readableBytes());
            }
            return out;
        } finally {
            ReferenceCountUtil.release(response);
        }
    }

    /** "Date: <IMF-fixdate>\r\n" for {@code nowMs}, encoded at most once per second across all threads. */
    static byte[] dateLine(long nowMs) {
        long second = nowMs / 1000;
        DateLine line = date;
        if (line.second() != second) {
            line = new DateLine(second, concat(DATE, ascii(Responses.date(nowMs).toString()), CRLF));
            date = line;
        }
        return line.bytes();
    }

    /** "Name: value\r\n" */
    static byte[] line(CharSequence name, CharSequence value) {
        return ascii(name + ": " + value + "\r\n");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static void writeLong(ByteBuf out, long value) {
        ByteBufUtil.writeAscii(out, Long.toString(value));
    }
}
