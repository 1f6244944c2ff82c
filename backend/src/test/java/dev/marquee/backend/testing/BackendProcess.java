package dev.marquee.backend.testing;

import dev.marquee.backend.testsupport.TestMasters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real backend as a child JVM, for the apps' end-to-end tests: it runs {@code MarqueeBackend} from
 * {@code backend/target/classes} and {@code backend/target/classpath.txt} (both written by {@code mvn package},
 * which the reactor runs for the backend before the apps), on a free loopback port, with a fresh temporary data
 * directory, the sample catalog off and the fastest x264 preset. {@link #shared()} gives one backend per test JVM,
 * stopped (and its data deleted) when the JVM exits.
 *
 * <p>Shipped to the apps in the backend's test-jar with no transitive dependency: it uses only the JDK, Jackson
 * (which both apps have) and {@link TestMasters}.
 */
public final class BackendProcess implements AutoCloseable {

    /** A loaded 2-core CI machine starts the backend in 10–40 s; this bounds a hung start. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** Encoding a short test master with the ultrafast preset takes seconds to a minute on a loaded machine. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Email and password of one demo account. */
    public record Credentials(String email, String password) {}

    private static BackendProcess shared;

    private final Path dir;
    private final Path home;
    private final Path log;
    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BackendProcess(Path dir, Process process, int port) {
        this.dir = dir;
        this.home = dir.resolve("home");
        this.log = dir.resolve("backend.log");
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** The backend every test in this JVM shares; started on first use. */
    public static synchronized BackendProcess shared() {
        if (shared == null) {
            shared = start(Map.of());
        }
        return shared;
    }

    /**
     * Starts a backend of its own (close it when done) and waits until it answers health checks.
     *
     * @param properties extra Spring properties, e.g. {@code marquee.license.max-concurrent-streams=2}
     */
    public static BackendProcess start(Map<String, String> properties) {
        Path backendDir = backendDirectory();
        try {
            Path dir = Files.createTempDirectory("marquee-e2e-");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                    "-cp", backendDir.resolve("target/classes") + java.io.File.pathSeparator
                            + Files.readString(backendDir.resolve("target/classpath.txt")).strip(),
                    "dev.marquee.backend.MarqueeBackend",
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--marquee.home=" + dir.resolve("home"),
                    "--marquee.encoding.sample-catalog.enabled=false",
                    "--marquee.encoding.preset=ultrafast",
                    "--marquee.encoding.analysis-excerpt=3s",
                    "--marquee.identity.sign-in-per-address-burst=100000",
                    "--spring.main.banner-mode=off"));
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("backend.log").toFile())
                    .start();
            BackendProcess backend = new BackendProcess(dir, process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "marquee-e2e-backend-stop"));
            backend.awaitHealthy();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the backend from " + backendDir, e);
        }
    }

    /** The backend's main port, e.g. {@code http://127.0.0.1:41234} (the traffic director and ops API live here). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The backend's data directory. */
    public Path home() {
        return home;
    }

    /** The backend's combined stdout and stderr, for failure messages. */
    public Path log() {
        return log;
    }

    public Credentials viewerCredentials() {
        return credentials("viewer");
    }

    public Credentials sreCredentials() {
        return credentials("sre");
    }

    /** Signs in and returns an access token. */
    public String signIn(Credentials who) {
        JsonNode answer = json(send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("email", who.email(), "password", who.password()))))
                .build(), 200));
        return answer.path("accessToken").asString();
    }

    /**
     * Makes a master with ffmpeg (a moving test pattern with a tone), ingests it as the SRE and waits until the
     * encoding job completes, so the title is published on the origin and in the catalog.
     *
     * @param title   the title's name
     * @param width   master width, e.g. 640 (the ladder's top rung is capped at it)
     * @param height  master height, e.g. 360
     * @param seconds master length; segments are 4 s
     * @return the published title's id
     */
    public UUID publishTestTitle(String title, int width, int height, double seconds) {
        try {
            Path master = TestMasters.make(dir.resolve("master-" + UUID.randomUUID() + ".mp4"),
                    "testsrc2=s=" + width + "x" + height + ":r=" + TestMasters.FPS, seconds, true);
            String token = signIn(sreCredentials());
            String body = JSON.writeValueAsString(Map.of("sourcePath", master.toString(), "metadata",
                    Map.of("title", title, "synopsis", "A test pattern made by ffmpeg for an end-to-end test.",
                            "genres", List.of("Documentary"), "year", 2026, "maturityRating", "G")));
            JsonNode job = json(send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/ops/encoding/jobs"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 202, 201, 200));
            String jobUrl = baseUrl + "/api/ops/encoding/jobs/" + job.path("id").asString();
            HttpRequest poll = HttpRequest.newBuilder(URI.create(jobUrl))
                    .header("Authorization", "Bearer " + token).GET().build(); // tokens outlive the wait (10 min)
            JsonNode done = Awaitility.await("encoding of " + title).atMost(PUBLISH_TIMEOUT).pollInterval(POLL)
                    .until(() -> json(send(poll, 200)), j -> j.path("state").asString().matches("COMPLETED|FAILED"));
            if (!done.path("state").asString().equals("COMPLETED")) {
                throw new IllegalStateException("encoding failed: " + done.path("failureReason").asString());
            }
            return UUID.fromString(done.path("titleId").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the child JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the backend and deletes its data. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the directory is under the system's temporary directory
        }
    }

    private void awaitHealthy() {
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            Awaitility.await("backend health").atMost(START_TIMEOUT).pollInterval(POLL).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the backend exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("\"UP\"") && Files.exists(home.resolve("credentials"));
                } catch (IOException e) {
                    return false; // not listening yet, or reset while starting
                }
            });
        } catch (ConditionTimeoutException e) {
            String tail = logTail();
            close();
            throw new IllegalStateException("the backend was not healthy within " + START_TIMEOUT + ":\n" + tail, e);
        }
    }

    private Credentials credentials(String who) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(home.resolve("credentials"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Credentials(p.getProperty(who + ".email"), p.getProperty(who + ".password"));
    }

    private HttpResponse<String> send(HttpRequest request, int... expected) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int code : expected) {
                if (r.statusCode() == code) {
                    return r;
                }
            }
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                    + ": " + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * The backend module's directory: {@code marquee.backend.dir} if set, else {@code backend/} beside the
     * current module (surefire runs tests in the module's directory), else {@code backend/} under the current one.
     */
    static Path backendDirectory() {
        String configured = System.getProperty("marquee.backend.dir");
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(cwd.resolveSibling("backend"), cwd.resolve("backend"), cwd);
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("target/classpath.txt")) && Files.isDirectory(c.resolve("target/classes"))) {
                return c;
            }
        }
        throw new IllegalStateException("the backend is not built (no target/classes + target/classpath.txt in "
                + candidates + "): run 'mvn -B -pl backend -am package -DskipTests' from the repository root");
    }
}
