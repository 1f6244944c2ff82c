package dev.marquee.player.fleet;

import dev.marquee.model.Problem;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.engine.LicenseException;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Short, groupable reasons for the summary's "errors by reason": the step that failed and how, without ids,
 * URLs or times that would make every occurrence unique.
 */
final class Reasons {
    private Reasons() {}

    /** A failed call of the player's API client during a step such as {@code session} or {@code device}. */
    static String of(String step, ApiException e) {
        return step + ": " + switch (e.error()) {
            case ApiError.Unreachable u -> "unreachable";
            case ApiError.ServerFailure f -> "HTTP " + f.status();
            case ApiError.RateLimited r -> "rate limited";
            case ApiError.SessionExpired x -> "session expired";
            case ApiError.BadCredentials b -> "bad credentials";
            case ApiError.Forbidden f -> "forbidden";
            case ApiError.NotFound n -> "not found";
            case ApiError.Rejected r -> problem(r.problem());
        };
    }

    private static String problem(Problem problem) {
        if (problem.type() != null && !problem.type().isBlank()) {
            String type = problem.type();
            return "HTTP " + problem.status() + " " + type.substring(type.lastIndexOf(':') + 1);
        }
        return "HTTP " + problem.status();
    }

    /** Why the engine stopped a play session. */
    static String ofPlayback(Throwable failure) {
        return switch (failure) {
            case LicenseException.ConcurrentStreamLimit c -> "licence: concurrent-stream-limit";
            case LicenseException l -> "licence: " + firstWords(l.getMessage());
            case HeadlessMediaSink.NotMpegTsException n -> "media: not MPEG-TS (wrong key?)";
            case GeneralSecurityException g -> "media: decryption failed";
            case IOException io -> "playback: " + firstWords(io.getMessage());
            default -> "playback: " + failure.getClass().getSimpleName();
        };
    }

    /** The first few words of a message: enough to tell failures apart, short of ids and URLs. */
    static String firstWords(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String[] words = message.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.contains("://") || word.contains("/") || out.length() > 40) {
                break;
            }
            out.append(out.isEmpty() ? "" : " ").append(word);
        }
        return out.isEmpty() ? "no message" : out.toString().replaceAll("[:.,]+$", "");
    }
}
