package dev.marquee.console.ui;

import dev.marquee.console.api.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every section model does the same way: a call on the background executor whose answer (or the reason it
 * failed) lands on the FX executor, and the polls and streams it holds until closed.
 */
final class Background {
    private final Executor background;
    private final Executor fx;
    private final List<AutoCloseable> held = new ArrayList<>();

    Background(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    <T> void call(Supplier<T> work, Consumer<T> onFx, Consumer<String> problemOnFx) {
        attempt(work, onFx, failure -> problemOnFx.accept(reason(failure)));
    }

    /** Like {@link #call} for callers that tell failures apart (e.g. a 404 meaning "no such API here"). */
    <T> void attempt(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> failureOnFx) {
        CompletableFuture.supplyAsync(work, background).whenCompleteAsync((answer, failure) -> {
            if (failure == null) {
                onFx.accept(answer);
            } else {
                failureOnFx.accept(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }, fx);
    }

    void onFx(Runnable task) {
        fx.execute(task);
    }

    void hold(AutoCloseable resource) {
        held.add(resource);
    }

    boolean holding() {
        return !held.isEmpty();
    }

    void closeAll() {
        for (AutoCloseable resource : held) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // Closing a poll or a stream that is already gone is not worth reporting.
            }
        }
        held.clear();
    }

    static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof OpsException ops ? ops.failure().message() : String.valueOf(cause);
    }
}
