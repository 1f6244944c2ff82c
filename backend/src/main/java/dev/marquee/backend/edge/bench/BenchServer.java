package dev.marquee.backend.edge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process under benchmark (the edge node's JVM or nginx), started by the benchmark and stopped by its
 * pid. Reads the CPU time of the process and its children from /proc.
 */
final class BenchServer implements AutoCloseable {

    /** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel configuration. */
    private static final double TICKS_PER_S = 100.0;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    final String name;
    final int port;
    private final Process process;

    private BenchServer(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** The edge node in its own JVM: EdgeNodeMain over {@code config}, class path of this JVM. */
    static BenchServer edge(List<String> pin, Path config, int port, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(pin);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(edgeJvmOptions());
        cmd.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), "dev.marquee.backend.edge.EdgeNodeMain",
                "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchServer s = new BenchServer("edge", port, p);
        s.awaitListening();
        return s;
    }

    /**
     * The edge node's JVM options: those of {@code ./marquee edge} (the launcher passes them as
     * {@value #EDGE_OPTS_ENV}), so the benchmark measures the product's configuration; the same defaults when
     * run without the launcher.
     */
    static List<String> edgeJvmOptions() {
        String opts = System.getenv(EDGE_OPTS_ENV);
        if (opts == null || opts.isBlank()) {
            opts = DEFAULT_EDGE_OPTS;
        }
        return List.of(opts.trim().split("\\s+"));
    }

    static final String EDGE_OPTS_ENV = "MARQUEE_EDGE_JAVA_OPTS";
    /** Keep in step with EDGE_JAVA_OPTS in the ./marquee launcher. */
    private static final String DEFAULT_EDGE_OPTS =
            "-XX:+UseSerialGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch -Dio.netty.leakDetection.level=disabled";

    /** nginx in the foreground (daemon off) so its master's pid is ours to stop. */
    static BenchServer nginx(List<String> pin, Path conf, int port, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(pin);
        cmd.addAll(List.of("nginx", "-c", conf.toString(), "-p", conf.getParent().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchServer s = new BenchServer("nginx", port, p);
        s.awaitListening();
        return s;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " while starting");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS); // polls the port of a child process starting up
            }
        }
        throw new IOException(name + " did not listen on " + port + " within " + START_TIMEOUT);
    }

    /** CPU seconds (user + system) used so far by the server and its worker processes. */
    double cpuSeconds() throws IOException {
        double total = cpuOf(process.pid());
        for (ProcessHandle child : process.toHandle().descendants().toList()) {
            total += cpuOf(child.pid());
        }
        return total;
    }

    /**
     * CPU seconds used by this JVM's children that have ended and been waited for (cutime + cstime of
     * /proc/self/stat): read before and after a wrk run, the difference is wrk's CPU time.
     */
    static double endedChildrenCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_S;
    }

    private static double cpuOf(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException gone) {
            return 0;
        }
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (man 5 proc).
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_S;
    }

    /** Prints the last lines of the server's log, for errors. */
    static String tail(Path log) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(log)))) {
            List<String> lines = r.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy(); // SIGTERM: nginx's master stops its workers, the JVM runs its shutdown hook
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        }
    }
}
