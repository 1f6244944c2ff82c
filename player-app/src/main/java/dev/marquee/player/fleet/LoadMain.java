package dev.marquee.player.fleet;

import dev.marquee.player.engine.StreamingEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./marquee load --viewers N --duration D [--region R] [--isp I] [--title ID] [--prefix P] [--json]}: runs a
 * synthetic viewer {@link Fleet} against the running backend for a bounded time and prints its
 * {@link FleetSummary}. Signs in as the SRE from {@code $MARQUEE_HOME/credentials} (written by the backend on its
 * first start) unless {@code --credentials FILE} or {@code MARQUEE_SRE_EMAIL}/{@code MARQUEE_SRE_PASSWORD} say
 * otherwise; passwords are never taken on the command line (other users see it in {@code ps}).
 *
 * <p>Exit status: 0 when at least one viewer played, 1 when none did, 2 for a bad command line, 3 when the set-up
 * failed (sign-in, accounts, no title).
 */
public final class LoadMain {

    static final String USAGE = """
            usage: ./marquee load --viewers N --duration D [--region R] [--isp I] [--title ID] [--prefix P]
                                  [--credentials FILE] [--json]
              --viewers N        synthetic viewers, 1 to 500 (each its own account and device)
              --duration D       how long they play: 90s, 2m, 1h (5 s to 2 h)
              --region R         the region the viewers are in, e.g. us-east-1 (the director puts it first)
              --isp I            their ISP, e.g. comcast (steering puts its edge first)
              --title ID         the title to play (default: the newest title of the catalog)
              --prefix P         names the synthetic accounts (default: load); the same prefix reuses them
              --credentials F    SRE credentials file (default: $MARQUEE_HOME/credentials, keys sre.email, sre.password)
              --json             print the summary as JSON
            """;
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final String DEFAULT_PREFIX = "load";
    /** Progress goes to stderr this often, so a long run shows it is alive. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /** A parsed command line. */
    record Command(int viewers, Duration duration, @Nullable String region, @Nullable String isp,
                   @Nullable UUID titleId, String prefix, @Nullable Path credentials, boolean json) {
    }

    /** A command line that cannot be run, with the reason. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private LoadMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        Command command;
        Fleet.Credentials sre;
        Fleet.Options options;
        try {
            command = parse(args);
            sre = credentials(command, env);
            options = new Fleet.Options(System.getProperty("marquee.backend", "http://127.0.0.1:8080"),
                    command.viewers(), command.duration(), command.region(), command.isp(), command.titleId(),
                    command.prefix(), StreamingEngine.Config.defaults());
        } catch (UsageException | IllegalArgumentException e) {
            err.println("marquee load: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        err.printf("marquee load: %d viewers for %d s against %s ...%n", options.viewers(),
                options.duration().toSeconds(), options.baseUrl());
        Fleet fleet;
        try {
            fleet = Fleet.start(options, sre, InstantSource.system());
        } catch (FleetException e) {
            err.println("marquee load: " + e.getMessage());
            return 3;
        }
        Thread hook = new Thread(fleet::close, "marquee-load-stop"); // Ctrl-C: stop the viewers, delete the keys
        Runtime.getRuntime().addShutdownHook(hook);
        FleetSummary summary;
        try {
            err.println("marquee load: playing title " + fleet.titleId());
            summary = awaitWithProgress(fleet, options.duration(), err);
        } finally {
            fleet.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        out.print(command.json() ? JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary) + System.lineSeparator() : summary.toText());
        return summary.started() > 0 ? 0 : 1;
    }

    private static FleetSummary awaitWithProgress(Fleet fleet, Duration duration, PrintStream err)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (end - System.nanoTime() > PROGRESS_INTERVAL.toNanos()) {
            Thread.sleep(PROGRESS_INTERVAL);
            List<ViewerResult> results = fleet.results();
            FleetSummary now = FleetSummary.of(results.size(), results, 0, null, null);
            err.printf(Locale.ROOT, "  %3d s: %d playing, %d stalls, %d errors, control traffic %s%n",
                    duration.minusNanos(end - System.nanoTime()).toSeconds(), now.started(), now.stalls(),
                    now.errorsByReason().values().stream().mapToInt(Integer::intValue).sum(), fleet.controlRegions());
        }
        return fleet.awaitSummary();
    }

    static Command parse(String[] args) throws UsageException {
        Integer viewers = null;
        Duration duration = null;
        String region = null;
        String isp = null;
        UUID title = null;
        String prefix = DEFAULT_PREFIX;
        Path credentials = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--json" -> json = true;
                case "--viewers" -> viewers = integer(arg, value(args, ++i, arg));
                case "--duration" -> duration = duration(value(args, ++i, arg));
                case "--region" -> region = value(args, ++i, arg);
                case "--isp" -> isp = value(args, ++i, arg);
                case "--prefix" -> prefix = value(args, ++i, arg);
                case "--credentials" -> credentials = Path.of(value(args, ++i, arg));
                case "--title" -> {
                    String id = value(args, ++i, arg);
                    try {
                        title = UUID.fromString(id);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--title needs a title id (a UUID), was '" + id + "'");
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (viewers == null || duration == null) {
            throw new UsageException("--viewers and --duration are required");
        }
        return new Command(viewers, duration, region, isp, title, prefix, credentials, json);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + value + "'");
        }
    }

    /** {@code 90} or {@code 90s} (seconds), {@code 1500ms}, {@code 2m}, {@code 1h}. */
    static Duration duration(String text) throws UsageException {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--duration needs a length like 90s, 2m or 1h, was '" + text + "'");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new UsageException("--duration is too long: '" + text + "'");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (ArithmeticException e) {
            throw new UsageException("--duration is too long: '" + text + "'");
        }
    }

    /** The SRE's credentials: the environment, else {@code --credentials FILE}, else {@code $MARQUEE_HOME/credentials}. */
    static Fleet.Credentials credentials(Command command, Map<String, String> env) throws UsageException {
        String email = env.get("MARQUEE_SRE_EMAIL");
        String password = env.get("MARQUEE_SRE_PASSWORD");
        if (email != null && password != null && command.credentials() == null) {
            return new Fleet.Credentials(email, password);
        }
        Path file = command.credentials() != null ? command.credentials() : Path.of(System.getProperty("marquee.home",
                env.getOrDefault("MARQUEE_HOME", System.getProperty("user.home") + "/.marquee"))).resolve("credentials");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UsageException("cannot read the SRE credentials from " + file + " (" + e.getMessage()
                    + "): start the backend once (it writes them), or set MARQUEE_SRE_EMAIL and MARQUEE_SRE_PASSWORD");
        }
        String fileEmail = p.getProperty("sre.email");
        String filePassword = p.getProperty("sre.password");
        if (fileEmail == null || filePassword == null) {
            throw new UsageException(file + " has no sre.email and sre.password");
        }
        return new Fleet.Credentials(fileEmail, filePassword);
    }
}
