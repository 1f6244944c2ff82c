package dev.marquee.console.api;

import dev.marquee.model.identity.WhoAmI;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What the console's screens ask of the backend. Blocking calls that throw {@link OpsException}. */
public interface OpsApi {

    /** Signs in and proves the SRE role; an account without it is signed out again and refused. */
    WhoAmI signIn(String email, String password);

    /** Asks the SRE-only endpoint who the token belongs to: proves the token and the role. */
    WhoAmI whoAmI();

    /** True when the backend answers its health check with 2xx; never throws. */
    boolean healthy();

    void signOut();

    String baseUrl();

    /** {@code GET path} (with its query) read as {@code type}. */
    <T> T get(String path, Class<T> type);

    /** {@code GET path} read as a JSON array of {@code element}. */
    <T> List<T> getList(String path, Class<T> element);

    /** {@code method path} with an optional JSON body; the answer is discarded. */
    void send(String method, String path, @Nullable Object body);

    /** {@code method path} with an optional JSON body, the answer read as {@code type}. */
    <T> T exchange(String method, String path, @Nullable Object body, Class<T> type);

    /**
     * Opens a server-sent event stream at {@code path} that reconnects by itself (with backoff, resuming after the
     * last event id) until closed. {@code events} and {@code connected} are called on the stream's own thread.
     */
    AutoCloseable stream(String path, Consumer<SseEvent> events, Consumer<Boolean> connected);
}
