package dev.marquee.backend.encoding.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./marquee ingest FILE --title "..." [--genre G]... [--year Y] [--synopsis S] [--rating R] [--cast "A, B"]}:
 * signs in as the SRE account from {@code $MARQUEE_HOME/credentials}, uploads the master to the running backend,
 * and follows the job until it ends, printing stage, percent and ETA. Exits 0 when the title is published,
 * 1 with the reason when the job fails, 2 on bad usage or when the backend cannot be reached.
 * A plain main: no Spring context.
 */
public final class IngestCommand {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    static final String JOBS = "/api/ops/encoding/jobs";
    static final String SIGN_IN = "/api/auth/sign-in";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String backend;
    private final Path home;
    private final PrintStream out;
    private String token = "";

    IngestCommand(String backend, Path home, PrintStream out) {
        this.backend = backend.replaceAll("/+$", "");
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) {
        String backend = System.getProperty("marquee.backend", "http://127.0.0.1:8080");
        Path home = Path.of(System.getProperty("marquee.home", System.getProperty("user.home") + "/.marquee"));
        int status;
        try {
            Args parsed = Args.parse(args);
            status = new IngestCommand(backend, home, System.out).run(parsed);
        } catch (UsageException e) {
            System.err.println("marquee ingest: " + e.getMessage());
            System.err.println("usage: ./marquee ingest FILE --title \"...\" [--genre G]... [--year Y] [--synopsis S] [--rating R] [--cast \"A, B\"]");
            status = 2;
        } catch (IOException e) {
            System.err.println("marquee ingest: " + e.getMessage());
            status = 2;
        } catch (InterruptedException e) {
            status = 130;
        }
        System.exit(status);
    }

    int run(Args args) throws IOException, InterruptedException {
        signIn();
        out.printf("uploading %s (%d MB) to %s ...%n", args.file().getFileName(), Files.size(args.file()) / (1024 * 1024), backend);
        JsonNode job = upload(args);
        String id = job.path("id").asString();
        out.println("job " + id + " queued; title id " + job.path("titleId").asString());
        String last = "";
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(backend + JOBS + "/" + id)).GET());
            if (response.statusCode() != 200) throw new IOException("job status: HTTP " + response.statusCode() + " " + response.body());
            job = json.readTree(response.body());
            String state = job.path("state").asString();
            String line = String.format(Locale.ROOT, "%-10s %5.1f %%  %s%s", state, job.path("percent").asDouble(),
                    job.path("stageDetail").asString(), eta(job.path("eta")));
            if (!line.equals(last)) out.println(line);
            last = line;
            if (state.equals("COMPLETED")) {
                printRungs(job);
                out.println("published: titles/" + job.path("titleId").asString() + "/master.m3u8");
                return 0;
            }
            if (state.equals("FAILED")) {
                System.err.println("marquee ingest: FAILED: " + job.path("failureReason").asString("unknown reason"));
                return 1;
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    private void printRungs(JsonNode job) {
        for (JsonNode r : job.path("rungs")) {
            out.printf(Locale.ROOT, "  %-14s %4dx%-4d %6d kbit/s  SSIM %.4f  PSNR %.1f dB  (target SSIM %.4f)  %s%n",
                    r.path("name").asString(), r.path("width").asInt(), r.path("height").asInt(), r.path("bitrateBps").asLong() / 1000,
                    r.path("ssim").asDouble(), r.path("psnrDb").asDouble(), r.path("targetSsim").asDouble(), r.path("outcome").asString());
        }
    }

    private static String eta(JsonNode eta) {
        if (eta.isMissingNode() || eta.isNull()) return "";
        try {
            Duration d = eta.isNumber() ? Duration.ofMillis((long) (eta.asDouble() * 1000)) : Duration.parse(eta.asString());
            return String.format(Locale.ROOT, "  (ETA %d:%02d)", d.toMinutes(), d.toSecondsPart());
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void signIn() throws IOException, InterruptedException {
        Path credentials = home.resolve("credentials");
        if (!Files.isReadable(credentials)) {
            throw new IOException("no credentials at " + credentials + ": start the backend once (./marquee up) to create them");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(credentials)) {
            p.load(in);
        }
        String email = p.getProperty("sre.email");
        String password = p.getProperty("sre.password");
        if (email == null || password == null) throw new IOException(credentials + " has no sre.email / sre.password");
        String body = json.writeValueAsString(Map.of("email", email, "password", password));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(backend + SIGN_IN)).timeout(HTTP_TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the backend at " + backend + ": is it running? (./marquee status)");
        }
        if (response.statusCode() != 200) throw new IOException("sign-in as " + email + " failed: HTTP " + response.statusCode());
        token = json.readTree(response.body()).path("accessToken").asString();
    }

    private JsonNode upload(Args args) throws IOException, InterruptedException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", args.title());
        if (args.synopsis() != null) metadata.put("synopsis", args.synopsis());
        if (!args.genres().isEmpty()) metadata.put("genres", args.genres());
        if (args.year() != null) metadata.put("year", args.year());
        if (args.rating() != null) metadata.put("maturityRating", args.rating());
        if (!args.cast().isEmpty()) metadata.put("cast", args.cast());
        String boundary = "marquee-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + json.writeValueAsString(metadata) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"master\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        var body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(args.file()),
                HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(backend + JOBS))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
        if (response.statusCode() != 202) {
            String detail = response.body();
            try {
                detail = json.readTree(response.body()).path("detail").asString(detail);
            } catch (RuntimeException notJson) {
                // keep the raw body
            }
            throw new IOException("the backend refused the upload (HTTP " + response.statusCode() + "): " + detail);
        }
        return json.readTree(response.body());
    }

    /** Sends with the bearer token; signs in again once if the token expired. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.copy().header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            signIn();
            response = http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    record Args(Path file, String title, List<String> genres, Integer year, String synopsis, String rating, List<String> cast) {
        static Args parse(String[] argv) throws UsageException {
            Path file = null;
            String title = null;
            String synopsis = null;
            String rating = null;
            Integer year = null;
            List<String> genres = new ArrayList<>();
            List<String> cast = new ArrayList<>();
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                if (!a.startsWith("--")) {
                    if (file != null) throw new UsageException("one file at a time (got " + file + " and " + a + ")");
                    file = Path.of(a).toAbsolutePath();
                    continue;
                }
                if (i + 1 >= argv.length) throw new UsageException(a + " needs a value");
                String v = argv[++i];
                switch (a) {
                    case "--title" -> title = v;
                    case "--synopsis" -> synopsis = v;
                    case "--rating" -> rating = v;
                    case "--genre" -> genres.addAll(split(v));
                    case "--cast" -> cast.addAll(split(v));
                    case "--year" -> {
                        try {
                            year = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new UsageException("--year must be a number: " + v);
                        }
                    }
                    default -> throw new UsageException("unknown option " + a);
                }
            }
            if (file == null) throw new UsageException("which file? give the path of a video");
            if (!Files.isRegularFile(file)) throw new UsageException("no such file: " + file);
            if (title == null || title.isBlank()) throw new UsageException("--title is required");
            return new Args(file, title, genres, year, synopsis, rating, cast);
        }

        private static List<String> split(String v) {
            return java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
