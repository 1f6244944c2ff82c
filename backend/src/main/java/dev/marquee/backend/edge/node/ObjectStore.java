package dev.marquee.backend.edge.node;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where a node finds objects to serve: its disk cache, or for the origin its directory. Called on I/O threads. */
interface ObjectStore extends AutoCloseable {

    /** The object if it is here now (a hit), else null. Must not block on the network. */
    @Nullable StoredObject find(String key);

    /** Called when the file of a found object has vanished (evicted between lookup and open). */
    void forget(StoredObject object);

    long storedBytes();

    long evictions();

    /** Keys held now, for the ops API (which titles a node holds). */
    Set<String> keys();

    @Override
    void close();
}
