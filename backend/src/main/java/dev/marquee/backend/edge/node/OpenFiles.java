package dev.marquee.backend.edge.node;

import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One I/O thread's cache of open files (as nginx's {@code open_file_cache}): a hit reuses the file descriptor of
 * an object instead of an open and a close per request. Regions of one file share its channel (sendfile and
 * {@code transferTo} read at explicit offsets), and a channel closes when it has left the cache and its last
 * region is released.
 *
 * <p>Keyed by the {@link StoredObject} (key, path, length, modification time): a refilled or replaced object is a
 * new entry, so a response never mixes two versions. An entry is reused for at most {@link #VALID_NANOS} after
 * it was opened: an evicted object's file (already unlinked) keeps its disk space no longer than that, as
 * nginx's {@code open_file_cache_valid} bounds its staleness.
 *
 * <p>Not thread-safe: one instance per event loop, used only on that loop's thread (regions are released there
 * too, when the channel has written them).
 */
final class OpenFiles {

    /** Descriptors held per I/O thread: well above the objects in flight, far below the process limit. */
    static final int MAX_OPEN = 512;
    /** How long an open descriptor is reused before the file is opened again (nginx's default is 60 s). */
    static final long VALID_NANOS = 10_000_000_000L;

    private final LinkedHashMap<StoredObject, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private boolean closed;

    /** A region over {@code [offset, offset + length)} of the object's file, or null when it cannot be opened. */
    @Nullable DefaultFileRegion region(StoredObject object, long offset, long length) {
        long now = System.nanoTime();
        expire(now);
        Entry entry = entries.get(object);
        if (entry == null) {
            FileChannel channel;
            try {
                channel = FileChannel.open(object.file(), StandardOpenOption.READ);
            } catch (IOException e) {
                return null;
            }
            entry = new Entry(channel, now);
            if (closed) {
                entry.refs = 0; // not cached: closes with its only region
            } else {
                entries.put(object, entry);
                if (entries.size() > MAX_OPEN) {
                    Iterator<Entry> eldest = entries.values().iterator();
                    Entry e = eldest.next();
                    eldest.remove();
                    e.release();
                }
            }
        }
        entry.refs++;
        return new SharedRegion(entry, offset, length);
    }

    /** Drops entries opened longer ago than {@link #VALID_NANOS}: at most a few per call, oldest use first. */
    private void expire(long now) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (now - e.openedNanos < VALID_NANOS) {
                return; // the least recently used is fresh; anything fresher is handled on a later call
            }
            it.remove();
            e.release();
        }
    }

    /** How many descriptors the cache holds (tests). */
    int size() { return entries.size(); }

    /** Closes what no region uses and stops caching (the node is stopping). */
    void close() {
        closed = true;
        for (Entry e : entries.values()) {
            e.release();
        }
        entries.clear();
    }

    private static final class Entry {
        final FileChannel channel;
        final long openedNanos;
        /** One for the cache while the entry is in it, one per live region. */
        int refs = 1;

        Entry(FileChannel channel, long openedNanos) {
            this.channel = channel;
            this.openedNanos = openedNanos;
        }

        void release() {
            if (--refs == 0) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only descriptor: nothing to lose
                }
            }
        }
    }

    /** A file region that gives its share of the channel back instead of closing it. */
    private static final class SharedRegion extends DefaultFileRegion {
        private @Nullable Entry entry;

        SharedRegion(Entry entry, long offset, long length) {
            super(entry.channel, offset, length);
            this.entry = entry;
        }

        @Override
        protected void deallocate() {
            Entry e = entry;
            entry = null;
            if (e != null) {
                e.release();
            }
        }
    }
}
