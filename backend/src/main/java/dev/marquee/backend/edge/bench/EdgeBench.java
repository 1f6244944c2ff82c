package dev.marquee.backend.edge.bench;

import dev.marquee.backend.edge.EdgeUrlSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code ./marquee bench edge}: one edge node (its own JVM, signed URLs checked) and nginx over the same cached
 * files, the same wrk load against each in alternation, ratios per configuration.
 * Mode "shared": servers and wrk share both cores. Mode "pinned": the server on core 0, wrk on core 1, and the
 * server's CPU time per GB served from /proc. Throughput on this kind of VM drifts within minutes, so only the
 * ratios of runs made side by side mean anything; the median ratio over rounds is reported.
 *
 * <p>Options: {@code --rounds N} (3), {@code --seconds S} per run (5), {@code --mode shared|pinned|both}
 * (both), {@code --signed on|off} (on), {@code --keep} (keep the work directory).
 */
public final class EdgeBench {

    private static final int[] OBJECT_BYTES = {256 * 1024, 1024 * 1024};
    private static final int[] CONNECTIONS = {8, 64};
    /** Enough distinct objects that every request is not the same file, few enough to stay in the page cache. */
    private static final int OBJECTS_PER_SIZE = 32;
    /**
     * Warm-up per object size and server before measuring. A JVM compiles its hot paths with C2 in the first
     * tens of thousands of requests: perf showed C2 (libjvm) at 17 % of the node's samples and the node's own
     * Java code at 10 % still after 20 s at ~1,000 req/s on a loaded 2-core VM. An edge node runs for days, so
     * its steady state is what is compared.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /** Signed URLs in the wrk script stay valid for the whole run. */
    private static final Duration SIGNATURE_LIFETIME = Duration.ofDays(1);

    private final int rounds;
    private final Duration runTime;
    private final boolean signed;
    private final Path work;
    private final List<String[]> rows = new ArrayList<>();

    private EdgeBench(int rounds, Duration runTime, boolean signed, Path work) {
        this.rounds = rounds;
        this.runTime = runTime;
        this.signed = signed;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        int seconds = 5;
        String mode = "both";
        boolean signed = true;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--mode" -> mode = args[++i];
                case "--signed" -> signed = !"off".equals(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: bench edge [--rounds N] [--seconds S] [--mode shared|pinned|both] "
                            + "[--signed on|off] [--keep]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("marquee-bench-edge-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        EdgeBench bench = new EdgeBench(rounds, Duration.ofSeconds(seconds), signed, work);
        try {
            bench.prepare();
            System.out.printf("edge bench: %d rounds x %ds per run, signed URLs %s, objects in %s%n", rounds, seconds,
                    signed ? "ON (HMAC checked on every edge request)" : "OFF", work);
            if (!mode.equals("pinned")) {
                bench.mode(false);
            }
            if (!mode.equals("shared")) {
                bench.mode(true);
            }
            bench.printSummary();
        } finally {
            if (!keep) {
                deleteTree(work);
            }
        }
    }

    private Path objects() { return work.resolve("edge/objects"); }

    private void prepare() throws IOException {
        byte[] key = new byte[EdgeUrlSigner.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.write(work.resolve("edge-url.key"), key);
        EdgeUrlSigner signer = new EdgeUrlSigner(key);
        Random random = new Random(1);
        for (int size : OBJECT_BYTES) {
            List<String> paths = new ArrayList<>();
            for (int i = 1; i <= OBJECTS_PER_SIZE; i++) {
                String path = "/titles/bench/%s/seg-%05d.ts".formatted(label(size), i);
                Path file = objects().resolve(path.substring(1));
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                Files.write(file, bytes);
                paths.add(signed ? signer.sign(path, Instant.now().plus(SIGNATURE_LIFETIME), "bench") : path);
            }
            StringBuilder lua = new StringBuilder("paths = {\n");
            for (String p : paths) {
                lua.append("  \"").append(p).append("\",\n");
            }
            lua.append("}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
            Files.writeString(work.resolve("wrk-" + label(size) + ".lua"), lua);
        }
        try (Stream<Path> dirs = Files.walk(work)) { // nginx workers run as an unprivileged user
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private void mode(boolean pinned) throws Exception {
        int cores = pinned ? 1 : Runtime.getRuntime().availableProcessors();
        List<String> serverPin = pinned ? List.of("taskset", "-c", "0") : List.of();
        List<String> wrkPin = pinned ? List.of("taskset", "-c", "1") : List.of();
        System.out.printf("%n== mode %s: server %s, wrk %s ==%n", pinned ? "pinned" : "shared",
                pinned ? "core 0 (1 I/O thread / 1 worker)" : "any core (" + cores + " I/O threads / workers)",
                pinned ? "core 1" : "any core");
        int edgePort = BenchServer.freePort();
        Path edgeConf = work.resolve("edge.properties");
        Files.writeString(edgeConf, """
                id=bench-edge
                tier=ISP
                region=bench
                port=%d
                cacheDir=edge
                capacityBytes=1GB
                originUrl=http://127.0.0.1:9
                ioThreads=%d
                %s
                """.formatted(edgePort, cores, signed ? "signingKeyFile=edge-url.key" : "signing=off"));
        int nginxPort = BenchServer.freePort();
        Path nginxDir = work.resolve("nginx");
        Files.createDirectories(nginxDir.resolve("logs"));
        Files.createDirectories(nginxDir.resolve("tmp"));
        Path nginxConf = nginxDir.resolve("nginx.conf");
        Files.writeString(nginxConf, nginxConfig(nginxPort, cores, objects()));
        try (BenchServer edge = BenchServer.edge(serverPin, edgeConf, edgePort, work.resolve("edge.log"));
             BenchServer nginx = BenchServer.nginx(serverPin, nginxConf, nginxPort, work.resolve("nginx.log"))) {
            for (int size : OBJECT_BYTES) { // JIT warm-up for the JVM, page cache for both
                for (BenchServer s : List.of(edge, nginx)) {
                    WrkRun.run(wrkPin, 1, 64, WARM_UP, work.resolve("wrk-" + label(size) + ".lua"), url(s));
                }
            }
            for (int size : OBJECT_BYTES) {
                for (int conns : CONNECTIONS) {
                    compare(pinned, size, conns, edge, nginx, wrkPin);
                }
            }
        }
    }

    private void compare(boolean pinned, int size, int conns, BenchServer edge, BenchServer nginx,
                         List<String> wrkPin) throws Exception {
        int wrkThreads = pinned ? 1 : Math.min(2, conns);
        Path script = work.resolve("wrk-" + label(size) + ".lua");
        List<Double> rpsRatios = new ArrayList<>();
        List<Double> p99Ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> totalCpuRatios = new ArrayList<>();
        double[] sums = new double[8];
        for (int round = 0; round < rounds; round++) {
            // Alternate who goes first, so a drift in the VM's speed does not favour one server.
            List<BenchServer> order = round % 2 == 0 ? List.of(edge, nginx) : List.of(nginx, edge);
            WrkRun.Result e = null;
            WrkRun.Result n = null;
            double eCpu = 0;
            double nCpu = 0;
            double eTotal = 0;
            double nTotal = 0;
            for (BenchServer s : order) {
                double cpu0 = s.cpuSeconds();
                double wrk0 = BenchServer.endedChildrenCpuSeconds();
                WrkRun.Result r = WrkRun.run(wrkPin, wrkThreads, conns, runTime, script, url(s));
                double serverCpu = s.cpuSeconds() - cpu0;
                double cpuPerGb = serverCpu / (r.bytesRead() / 1e9);
                // Server and load generator together: loopback TCP work done on one side's core could be
                // charged to either process, so the sum is the check that the server's saving is real.
                double totalPerGb = (serverCpu + BenchServer.endedChildrenCpuSeconds() - wrk0) / (r.bytesRead() / 1e9);
                if (r.errors() > 0 || r.non2xx() > 0) {
                    System.out.printf("  ! %s: %d socket errors, %d non-2xx responses%n", s.name, r.errors(), r.non2xx());
                }
                if (s == edge) {
                    e = r;
                    eCpu = cpuPerGb;
                    eTotal = totalPerGb;
                } else {
                    n = r;
                    nCpu = cpuPerGb;
                    nTotal = totalPerGb;
                }
            }
            rpsRatios.add(e.requestsPerS() / n.requestsPerS());
            p99Ratios.add(e.p99Ms() / n.p99Ms());
            cpuRatios.add(eCpu / nCpu);
            totalCpuRatios.add(eTotal / nTotal);
            double[] add = {e.requestsPerS(), e.mbPerS(), e.p99Ms(), eCpu, n.requestsPerS(), n.mbPerS(), n.p99Ms(), nCpu};
            for (int i = 0; i < add.length; i++) {
                sums[i] += add[i] / rounds;
            }
        }
        String config = "%-6s %-5s c=%-3d".formatted(pinned ? "pinned" : "shared", label(size), conns);
        System.out.printf(Locale.ROOT, "%s edge %8.0f req/s %7.0f MB/s p99 %6.2f ms%s | nginx %8.0f req/s %7.0f MB/s "
                        + "p99 %6.2f ms%s | ratio req/s %.2f, p99 %.2f%s%n",
                config, sums[0], sums[1], sums[2], pinned ? " cpu %.2f s/GB".formatted(sums[3]) : "",
                sums[4], sums[5], sums[6], pinned ? " cpu %.2f s/GB".formatted(sums[7]) : "",
                median(rpsRatios), median(p99Ratios), pinned ? ", cpu/GB %.2f (with wrk %.2f)".formatted(
                        median(cpuRatios), median(totalCpuRatios)) : "");
        rows.add(new String[] {config, "%.2f".formatted(median(rpsRatios)), "%.2f".formatted(median(p99Ratios)),
                pinned ? "%.2f".formatted(median(cpuRatios)) : "-",
                pinned ? "%.2f".formatted(median(totalCpuRatios)) : "-"});
    }

    private void printSummary() {
        System.out.printf("%nsummary (median of %d rounds, edge / nginx; throughput > 1 is better, p99 and cpu/GB < 1 "
                + "are better)%n", rounds);
        System.out.printf("%-20s %10s %8s %8s %14s%n", "config", "req/s", "p99", "cpu/GB", "+wrk cpu/GB");
        for (String[] r : rows) {
            System.out.printf("%-20s %10s %8s %8s %14s%n", (Object[]) r);
        }
    }

    /**
     * nginx as a production static-file CDN node is set up, doing what the edge does per request and no more:
     * sendfile with tcp_nopush (the edge: sendfile with TCP_CORK per batch), keep-alive, an open-file cache of the
     * same bound and validity as the edge's ({@link dev.marquee.backend.edge.node.EdgeNode}'s OpenFiles: 512
     * descriptors per worker, reopened after 10 s), the same response headers (Cache-Control, X-Cache and a node
     * id on top of nginx's own ETag, Last-Modified, Accept-Ranges, Date, Server), and no access log (the edge
     * logs no requests either, it counts them). nginx checks no URL signature; the edge does (HMAC per request).
     * {@code reuseport} gives each worker its own accept queue, so connections spread over the workers as the edge's
     * acceptor spreads them over its I/O threads (without it most of a few connections land on one worker).
     */
    private static String nginxConfig(int port, int workers, Path root) {
        return """
                worker_processes %d;
                daemon off;
                pid nginx.pid;
                error_log logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 75s;
                    keepalive_requests 1000000;
                    open_file_cache max=512 inactive=60s;
                    open_file_cache_valid 10s;
                    open_file_cache_min_uses 1;
                    default_type application/octet-stream;
                    types { video/mp2t ts; application/vnd.apple.mpegurl m3u8; }
                    client_body_temp_path tmp/body;
                    proxy_temp_path tmp/proxy;
                    server {
                        listen 127.0.0.1:%d reuseport;
                        root %s;
                        location / {
                            add_header Cache-Control "public, max-age=31536000, immutable";
                            add_header X-Cache HIT;
                            add_header X-Marquee-Node bench-nginx;
                        }
                    }
                }
                """.formatted(workers, port, root);
    }

    private static String url(BenchServer s) {
        return "http://127.0.0.1:" + s.port;
    }

    private static String label(int size) {
        return size >= 1024 * 1024 ? (size / (1024 * 1024)) + "MB" : (size / 1024) + "KB";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
