package dev.marquee.backend.edge;

/**
 * Administrative state of an edge node, set by SREs.
 * UP serves and takes new clients; DRAINING still serves (clients already steered there keep playing) but its
 * health answers 503 and steering skips it; DOWN closes its listener and every open connection.
 */
public enum EdgeAdminState { UP, DRAINING, DOWN }
