package dev.marquee.backend.encoding.internal.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs ffmpeg and ffprobe as child processes. ffmpeg runs with {@code -progress pipe:1}: the key=value blocks on
 * its standard output are turned into {@link Progress} callbacks; standard error is kept (its last lines) for error
 * messages and metric summaries. A run that is interrupted kills its process tree and waits for it, so no process
 * outlives its caller; {@link #stop(Thread)} kills one worker's processes (job cancelled) and {@link #close()}
 * kills everything still running (application shutdown). A process that prints nothing for the stall timeout (a
 * hung input, a wedged filter) is killed and its run fails, so no job waits for ever.
 * Thread-safe; each run blocks its calling thread.
 */
public final class FfmpegRunner implements AutoCloseable {
    /** Enough stderr to find ffmpeg's summary and error lines without keeping a whole encode log. */
    static final int STDERR_LINES_KEPT = 200;
    /** How long a killed process gets to exit before we stop waiting (it has been sent SIGKILL by then). */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final java.io.File NULL_DEVICE = new java.io.File("/dev/null");
    /**
     * Default stall timeout: ffmpeg with {@code -progress} reports every half second, and ffprobe of a local file
     * answers in well under a second, so two minutes of silence on a loaded machine means the process is hung.
     */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(2);
    /** How often a waiting run checks for a stall. */
    private static final long STALL_CHECK_MS = 500;

    /** One progress report: media time processed so far. */
    public record Progress(Duration outTime, long frame, boolean end) {}

    /** What a finished run left behind. */
    public record Result(int exitCode, List<String> stdout, List<String> stderr) {
        public String stderrText() {
            return String.join("\n", stderr);
        }
    }

    private final String ffmpeg;
    private final String ffprobe;
    private final Map<Process, Thread> running = new ConcurrentHashMap<>();
    private final Set<Thread> stopped = ConcurrentHashMap.newKeySet();
    private final Duration stallTimeout;
    private volatile boolean closed;

    public FfmpegRunner(String ffmpeg, String ffprobe) {
        this(ffmpeg, ffprobe, DEFAULT_STALL_TIMEOUT);
    }

    /** @param stallTimeout a process that writes nothing on stdout or stderr for this long is killed */
    public FfmpegRunner(String ffmpeg, String ffprobe, Duration stallTimeout) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.stallTimeout = stallTimeout;
    }

    /** Runs ffmpeg with {@code -progress pipe:1 -nostats -nostdin} added; fails if it exits non-zero. */
    public Result ffmpeg(List<String> args, @Nullable Consumer<Progress> progress) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1"));
        command.addAll(args);
        Result result = run(command, progress);
        if (result.exitCode() != 0) {
            throw new FfmpegException("ffmpeg exited with " + result.exitCode() + ": " + lastLines(result.stderr(), 4));
        }
        return result;
    }

    /** Runs ffprobe and returns its result whatever the exit code (probing decides what a failure means). */
    public Result ffprobe(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-hide_banner"));
        command.addAll(args);
        return run(command, null);
    }

    static String lastLines(List<String> lines, int n) {
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size())).strip();
    }

    private Result run(List<String> command, @Nullable Consumer<Progress> progress) throws IOException, InterruptedException {
        if (closed) throw new FfmpegException("shutting down: not starting " + command.getFirst());
        if (stopped.contains(Thread.currentThread())) throw new FfmpegException("stopped: not starting " + command.getFirst());
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(NULL_DEVICE)).start();
        running.put(process, Thread.currentThread());
        if (closed || stopped.contains(Thread.currentThread())) kill(process); // raced with close() or stop()
        Deque<String> stderr = new ArrayDeque<>();
        List<String> stdout = new ArrayList<>();
        AtomicLong lastOutputNanos = new AtomicLong(System.nanoTime());
        Thread stderrReader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), line -> {
            lastOutputNanos.set(System.nanoTime());
            synchronized (stderr) {
                stderr.addLast(line);
                if (stderr.size() > STDERR_LINES_KEPT) stderr.removeFirst();
            }
        }));
        Consumer<String> stdoutSink = progress == null ? stdout::add : new ProgressParser(progress);
        Thread stdoutReader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), line -> {
            lastOutputNanos.set(System.nanoTime());
            stdoutSink.accept(line);
        }));
        try {
            while (!process.waitFor(STALL_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - lastOutputNanos.get() > stallTimeout.toNanos()) {
                    kill(process);
                    throw new FfmpegException(command.getFirst() + " printed nothing for " + stallTimeout.toSeconds()
                            + " s and was stopped (hung input or filter?)");
                }
            }
            int exit = process.exitValue();
            stdoutReader.join();
            stderrReader.join();
            synchronized (stderr) {
                return new Result(exit, stdout, List.copyOf(stderr));
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        } finally {
            if (process.isAlive()) kill(process);
            running.remove(process);
        }
    }

    private static void drain(InputStream in, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.accept(line);
            }
        } catch (IOException processGone) {
            // The process was killed; nothing more to read.
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Number of child processes running now. */
    public int runningProcesses() {
        return running.size();
    }

    /**
     * Kills the processes {@code worker} started and refuses to start more for it until {@link #resume(Thread)}:
     * cancels a job without interrupting its thread (an interrupt can close H2's file channel mid-write).
     */
    public void stop(Thread worker) {
        stopped.add(worker);
        running.forEach((process, owner) -> {
            if (owner == worker) kill(process);
        });
    }

    public void resume(Thread worker) {
        stopped.remove(worker);
    }

    @Override
    public void close() {
        closed = true;
        running.keySet().forEach(FfmpegRunner::kill);
    }

    /** Turns ffmpeg's {@code -progress} key=value blocks into {@link Progress} reports. */
    static final class ProgressParser implements Consumer<String> {
        private final Consumer<Progress> sink;
        private long outTimeUs;
        private long frame;

        ProgressParser(Consumer<Progress> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(String line) {
            int eq = line.indexOf('=');
            if (eq < 0) return;
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "out_time_us", "out_time_ms" -> outTimeUs = parseLong(value, outTimeUs); // both are µs in ffmpeg 5
                case "frame" -> frame = parseLong(value, frame);
                case "progress" -> sink.accept(new Progress(Duration.ofNanos(Math.max(0, outTimeUs) * 1000), frame, value.equals("end")));
                default -> { }
            }
        }

        private static long parseLong(String value, long fallback) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return fallback; // "N/A" before the first frame
            }
        }
    }
}
