package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.MarqueeBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The backend started as a process of its own for a benchmark, from this JVM's class path, on a free loopback port
 * with a fresh data directory: the load generator then shares no heap, no GC and no JIT with the server it measures.
 * Extra JVM options for the server (e.g. a JFR recording) come from the system property {@code bench.server.jvm},
 * extra settings (e.g. {@code --marquee.gateway.io-threads=1}) from {@code bench.server.args}.
 */
final class BackendProcess implements AutoCloseable {
    /** A backend starts in well under this on 2 cores; longer means it will not. */
    static final Duration START_AT_MOST = Duration.ofMinutes(3);
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration STOP_AT_MOST = Duration.ofSeconds(20);

    private final Process process;
    private final Path home;
    private final Path log;
    final String base;

    private BackendProcess(Process process, Path home, Path log, String base) {
        this.process = process;
        this.home = home;
        this.log = log;
        this.base = base;
    }

    static BackendProcess start(List<String> springArgs) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("marquee-bench-");
        Path log = home.resolve("backend.log");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--enable-native-access") || arg.startsWith("--sun-misc-unsafe-memory-access")) {
                command.add(arg);
            }
        }
        String extra = System.getProperty("bench.server.jvm", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MarqueeBackend.class.getName(),
                "--marquee.home=" + home, "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(springArgs);
        String extraArgs = System.getProperty("bench.server.args", "").trim();
        if (!extraArgs.isEmpty()) {
            command.addAll(Arrays.asList(extraArgs.split("\\s+")));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BackendProcess backend = new BackendProcess(process, home, log, "http://127.0.0.1:" + port);
        backend.awaitHealthy();
        return backend;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_AT_MOST.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the backend exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && Files.exists(home.resolve("credentials"))) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException("the backend did not become healthy within " + START_AT_MOST.toSeconds() + " s; see " + log);
    }

    Properties credentials() throws IOException {
        Properties credentials = new Properties();
        try (var in = Files.newInputStream(home.resolve("credentials"))) {
            credentials.load(in);
        }
        return credentials;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the backend (SIGTERM, then SIGKILL when it does not end in time). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_AT_MOST.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
