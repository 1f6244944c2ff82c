package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsClient;
import dev.marquee.console.api.OpsException;
import dev.marquee.console.api.OpsFailure;
import dev.marquee.console.api.SseEvent;
import dev.marquee.model.Problem;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.WhoAmI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-memory ops backend for view-model tests: one SRE, one viewer, a health switch, recorded JSON answers per
 * path (read with the client's own mapper), the requests sent, and the streams opened (to push events into).
 */
final class FakeOps implements OpsApi {
    static final String SRE = "oncall@example.test";
    static final String VIEWER = "watcher@example.test";
    static final String PASSWORD = "pager-duty";

    boolean healthy = true;
    int healthChecks;
    int signOuts;
    /** JSON answers by path (with query); a path not here answers 404. */
    final Map<String, String> answers = new HashMap<>();
    final List<String> sent = new ArrayList<>();
    /** Problems that non-GET calls are refused with, by "METHOD path". */
    final Map<String, Problem> refusals = new HashMap<>();
    final Map<String, Consumer<SseEvent>> streams = new HashMap<>();
    private final JsonMapper json = OpsClient.json();

    @Override
    public WhoAmI signIn(String email, String password) {
        if (!PASSWORD.equals(password) || !(SRE.equals(email) || VIEWER.equals(email))) {
            throw new OpsException(new OpsFailure.WrongPassword());
        }
        if (VIEWER.equals(email)) {
            throw new OpsException(new OpsFailure.NotSre());
        }
        return whoAmI();
    }

    @Override
    public WhoAmI whoAmI() {
        return new WhoAmI(UUID.nameUUIDFromBytes(SRE.getBytes()), SRE, Set.of(Role.SRE));
    }

    @Override
    public boolean healthy() {
        healthChecks++;
        return healthy;
    }

    @Override
    public void signOut() {
        signOuts++;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:8080";
    }

    @Override
    public <T> T get(String path, Class<T> type) {
        return json.readValue(answer(path), type);
    }

    @Override
    public <T> List<T> getList(String path, Class<T> element) {
        @SuppressWarnings("unchecked")
        T[] array = (T[]) json.readValue(answer(path), element.arrayType());
        return Arrays.asList(array);
    }

    @Override
    public void send(String method, String path, @Nullable Object body) {
        sent.add(method + " " + path + (body == null ? "" : " " + json.writeValueAsString(body)));
    }

    /** Answers from {@link #answers} by "METHOD path", or the refusal under that key. */
    @Override
    public <T> T exchange(String method, String path, @Nullable Object body, Class<T> type) {
        send(method, path, body);
        Problem refusal = refusals.get(method + " " + path);
        if (refusal != null) {
            throw new OpsException(new OpsFailure.Refused(refusal));
        }
        return json.readValue(answer(method + " " + path), type);
    }

    @Override
    public AutoCloseable stream(String path, Consumer<SseEvent> events, Consumer<Boolean> connected) {
        streams.put(path, events);
        connected.accept(true);
        return () -> streams.remove(path);
    }

    private String answer(String path) {
        String body = answers.get(path);
        if (body == null) {
            throw new OpsException(new OpsFailure.Refused(new Problem(null, "Not Found", 404, "no " + path, path)));
        }
        return body;
    }
}
