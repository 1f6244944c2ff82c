package dev.marquee.backend.edge;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The edge fleet as other modules see it: the nodes with their state, region, tier and contents, admin state
 * changes, and the signer for segment URLs. The playback module signs manifests' segment URLs with
 * {@link #urlSigner()} and ranks edges with {@link EdgeSteering}. Calls are cheap and thread-safe.
 */
public interface EdgeManagement {

    /** Every node, origin first, then by region, tier and id. */
    List<EdgeNodeView> nodes();

    Optional<EdgeNodeView> node(String id);

    /**
     * Sets a node's admin state (DOWN closes its listener).
     *
     * @throws java.util.NoSuchElementException when there is no such node
     */
    EdgeNodeView setState(String id, EdgeAdminState state);

    /**
     * Injects faults on a node's wire ({@link EdgeFaults#NONE} clears them); returns the faults it had.
     *
     * @throws java.util.NoSuchElementException when there is no such node
     */
    EdgeFaults injectFaults(String id, EdgeFaults faults);

    /** The faults set on a node, {@link EdgeFaults#NONE} for none or an unknown node. */
    EdgeFaults faults(String id);

    /** The origin server's base URL, the last resort for clients. */
    URI originUrl();

    /** Signs segment URLs with the key every node verifies. */
    EdgeUrlSigner urlSigner();
}
