package dev.marquee.console.api;

import dev.marquee.model.Problem;

/** Why a console call failed, as an SRE should read it. */
public sealed interface OpsFailure {

    record Offline(String baseUrl) implements OpsFailure {}

    record WrongPassword() implements OpsFailure {}

    record Throttled(long retryAfterSeconds) implements OpsFailure {}

    /** Signed in fine, but the account lacks the SRE role (by its roles or by a 403 from an ops endpoint). */
    record NotSre() implements OpsFailure {}

    record SessionEnded() implements OpsFailure {}

    record Refused(Problem problem) implements OpsFailure {}

    /** The sentence the console shows. */
    default String message() {
        return switch (this) {
            case Offline o -> "Can't reach Marquee at " + o.baseUrl() + ": is the backend running? Start it with ./marquee up";
            case WrongPassword w -> "Wrong email or password.";
            case Throttled t -> "Too many attempts — try again in " + Math.max(1, t.retryAfterSeconds()) + " s";
            case NotSre n -> "This account is not an SRE account; the ops console needs the SRE role";
            case SessionEnded s -> "Your session has ended: sign in again.";
            case Refused r -> r.problem().detail() != null ? r.problem().detail()
                    : "The backend refused the request (HTTP " + r.problem().status() + ").";
        };
    }
}
