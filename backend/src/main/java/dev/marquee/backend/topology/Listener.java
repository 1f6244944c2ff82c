package dev.marquee.backend.topology;

import java.net.URI;

/**
 * A loopback HTTP listener of its own (port, bounded thread pool) on the backend's servlet container: the
 * backend's filters see which listener a request came through by its local port. Closing it closes the server
 * socket (new connections are refused) and the open connections (calls in flight fail).
 */
public interface Listener extends AutoCloseable {
    int port();

    default URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    boolean isOpen();

    @Override
    void close();
}
