package dev.marquee.backend.edge;

/**
 * A point-in-time copy of one node's counters (since the node started).
 *
 * @param requests      every HTTP request, refused ones included
 * @param hits          object requests answered from the node's disk
 * @param misses        object requests that needed a fill (collapsed ones each count)
 * @param bytesServed   response body bytes written (ranges count their length)
 * @param bytesFilled   bytes received from parents and the origin
 * @param hitRatio      hits / (hits + misses), 0 before the first object request
 * @param storedBytes   bytes of objects held on disk now
 * @param fillsInFlight upstream fills running now
 * @param fillFailures  fills that failed on every upstream
 */
public record EdgeNodeStats(
        long requests,
        long hits,
        long misses,
        long bytesServed,
        long bytesFilled,
        long evictions,
        double hitRatio,
        long storedBytes,
        long capacityBytes,
        int fillsInFlight,
        long fillFailures) {}
