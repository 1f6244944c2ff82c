package dev.marquee.backend.chaos.internal;

import dev.marquee.backend.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The problems a refused chaos request gets; nothing has been changed when one is thrown. */
final class Refusals {
    private Refusals() {}

    static ProblemException unknownTarget(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "chaos-unknown-target", "Unknown chaos target", detail);
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "chaos-bad-request", "Chaos request refused", detail);
    }

    static ProblemException allRegions(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "chaos-all-regions", "Scope takes down every region", detail);
    }

    static ProblemException killSwitch(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "chaos-kill-switch", "Chaos kill switch engaged", detail);
    }

    static ProblemException steadyStateViolated(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "chaos-steady-state-violated",
                "Steady state already violated", detail);
    }

    static ProblemException unknownRun(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "chaos-unknown-run", "Unknown chaos run", "no chaos run " + id);
    }
}
