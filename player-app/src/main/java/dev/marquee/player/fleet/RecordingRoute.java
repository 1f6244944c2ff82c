package dev.marquee.player.fleet;

import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.engine.ControlPlaneRoute;
import java.util.ArrayList;
import java.util.List;

/**
 * The viewer's {@link ControlPlane} as the engine sees it, noting why each control call (licence, steering,
 * heartbeat) failed before it passes the failure on, so the summary can say what made viewers change region
 * (e.g. {@code SocketTimeoutException} from an overloaded gateway, {@code ConnectException} from a region that is
 * down). It decides nothing. Thread-safe.
 */
final class RecordingRoute implements ControlPlaneRoute {
    private final ControlPlaneRoute delegate;
    private final List<String> causes = new ArrayList<>();

    RecordingRoute(ControlPlaneRoute delegate) {
        this.delegate = delegate;
    }

    @Override
    public String baseUrl() {
        return delegate.baseUrl();
    }

    @Override
    public void failed(String baseUrl, Exception cause) {
        String what = cause instanceof ControlPlane.RegionFailure f ? "HTTP " + f.status() : cause.getClass().getSimpleName();
        synchronized (causes) {
            causes.add(what);
        }
        delegate.failed(baseUrl, cause);
    }

    @Override
    public int attempts() {
        return delegate.attempts();
    }

    /** Causes noted so far, oldest first. */
    List<String> causes() {
        synchronized (causes) {
            return List.copyOf(causes);
        }
    }
}
