package dev.marquee.player.engine;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link InputStream} over a bounded queue of decrypted segments, read by libvlc's demuxer thread and filled
 * by the streaming engine's thread. Plaintext lives only in these arrays (never on disk); an empty array marks
 * the end of the stream.
 */
final class SegmentQueueStream extends InputStream {

    private static final byte[] END = new byte[0];
    /** How often a blocked read re-checks for {@link #close()}. */
    private static final long POLL_MS = 100;

    private final BlockingQueue<byte[]> queue;
    private byte[] current;
    private int position;
    private volatile boolean closed;

    SegmentQueueStream(int capacitySegments) {
        this.queue = new ArrayBlockingQueue<>(capacitySegments);
    }

    void put(byte[] segment) throws InterruptedException {
        if (segment.length == 0) {
            return;
        }
        while (!closed && !queue.offer(segment, POLL_MS, TimeUnit.MILLISECONDS)) {
            // full: the sink is far enough ahead; wait for libvlc to read
        }
    }

    void end() {
        while (!closed && !queue.offer(END)) {
            queue.poll(); // closing anyway: make room for the end marker
        }
    }

    int queued() {
        return queue.size();
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || position == current.length) {
            if (current == END || closed) {
                return -1;
            }
            try {
                current = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading the segment queue");
            }
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
