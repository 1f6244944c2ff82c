package dev.marquee.backend.edge.node;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.EpollSocketChannel;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Hands a response head to the kernel with {@code send(fd, head, MSG_MORE)} just before the body's sendfile, so
 * that head and body leave in the same TCP segments without corking the socket: Linux holds data sent with
 * MSG_MORE until more follows, and sendfile's last chunk (sent without "more") pushes it all out. That saves
 * the two {@code setsockopt(TCP_CORK)} calls per response that cork/uncork cost (nginx's tcp_nopush makes them
 * too) — four system calls per response instead of six.
 *
 * <p>Only when the connection has nothing queued in Netty (else the head would overtake earlier bytes): the
 * caller checks {@link #canSendNow}. A head the kernel did not take whole is left to Netty for the rest. Linux
 * epoll transport only (libc {@code send} through the JDK's foreign function API); elsewhere
 * {@link #AVAILABLE} is false and the handler corks as before. Event-loop thread only.
 */
final class HeadSender {

    /** Linux {@code <sys/socket.h>}: more data follows (like TCP_CORK for one call). */
    private static final int MSG_MORE = 0x8000;
    /** Never block the event loop (the socket is non-blocking anyway). */
    private static final int MSG_DONTWAIT = 0x40;
    /** A closed peer gives EPIPE, never SIGPIPE. */
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int FLAGS = MSG_MORE | MSG_DONTWAIT | MSG_NOSIGNAL;

    /** {@code ssize_t send(int fd, const void *buf, size_t len, int flags)}, or null off Linux. */
    private static final MethodHandle SEND = lookup();
    /** Whether heads can be sent with MSG_MORE here ({@code -Dmarquee.edge.msgMore=false} turns it off). */
    static final boolean AVAILABLE = SEND != null
            && Boolean.parseBoolean(System.getProperty("marquee.edge.msgMore", "true"));

    private HeadSender() {}

    private static MethodHandle lookup() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MemorySegment> send = linker.defaultLookup().find("send");
            if (send.isEmpty()) {
                return null;
            }
            // A non-blocking send of a few hundred bytes is short: no thread-state transition needed (critical).
            return linker.downcallHandle(send.get(), FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), Linker.Option.critical(false));
        } catch (RuntimeException | LinkageError e) {
            return null; // native access denied or no libc: cork instead
        }
    }

    /** Whether {@code channel} is an open epoll socket with nothing written and not yet sent. */
    static boolean canSendNow(Channel channel) {
        if (!AVAILABLE || !(channel instanceof EpollSocketChannel) || !channel.isActive()) {
            return false;
        }
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        return pending != null && pending.isEmpty() && pending.totalPendingWriteBytes() == 0;
    }

    /**
     * Sends {@code head} (a direct buffer) with MSG_MORE and advances its reader index by what the kernel took;
     * what is left (if any) must be written through the channel. Call only after {@link #canSendNow}.
     */
    static void send(EpollSocketChannel channel, ByteBuf head) {
        if (!head.hasMemoryAddress()) {
            return;
        }
        int fd = channel.fd().intValue();
        long sent;
        try {
            sent = (long) SEND.invokeExact(fd, head.memoryAddress() + head.readerIndex(),
                    (long) head.readableBytes(), FLAGS);
        } catch (Throwable e) {
            return; // Netty writes the whole head and reports any socket error itself
        }
        if (sent > 0) {
            head.skipBytes((int) sent);
        }
    }
}
