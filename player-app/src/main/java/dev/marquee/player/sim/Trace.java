package dev.marquee.player.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A throughput trace in the research format: one row per sample, {@code time_s throughput_Mbit_per_s};
 * row i gives the rate between time[i-1] and time[i].
 *
 * @param name        file name, for reports
 * @param timeS       sample times in seconds, non-decreasing
 * @param mbitPerS    throughput in Mbit/s between the previous time and this one
 */
public record Trace(String name, double[] timeS, double[] mbitPerS) {

    /** Two rows are the least that define one interval. */
    private static final int MIN_ROWS = 2;

    public Trace {
        Objects.requireNonNull(name, "name");
        if (timeS.length != mbitPerS.length || timeS.length < MIN_ROWS) {
            throw new IllegalArgumentException("trace " + name + ": needs at least " + MIN_ROWS + " rows");
        }
        for (int i = 1; i < timeS.length; i++) {
            if (timeS[i] < timeS[i - 1]) {
                throw new IllegalArgumentException("trace " + name + ": time goes backwards at row " + (i + 1));
            }
        }
        boolean carries = false;
        for (int i = 1; i < timeS.length; i++) {
            if (!(mbitPerS[i] >= 0)) {
                throw new IllegalArgumentException("trace " + name + ": negative throughput at row " + (i + 1));
            }
            carries |= mbitPerS[i] > 0 && timeS[i] > timeS[i - 1];
        }
        if (!carries) {
            throw new IllegalArgumentException("trace " + name + ": carries no data (no positive rate over time)");
        }
    }

    /** Reads one trace file; a malformed row is reported with its line number. */
    public static Trace load(Path file) {
        List<double[]> rows = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length < 2) {
                    throw new NumberFormatException("expected two columns");
                }
                rows.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected 'time_s Mbit/s', got '"
                        + line + "'", e);
            }
        }
        double[] t = new double[rows.size()];
        double[] bw = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            bw[i] = rows.get(i)[1];
        }
        return new Trace(file.getFileName().toString(), t, bw);
    }

    /** Every regular file of a directory, by name. */
    public static List<Trace> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("trace directory not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Trace> traces = files.filter(Files::isRegularFile).sorted().map(Trace::load).toList();
            if (traces.isEmpty()) {
                throw new IllegalArgumentException("no trace files in " + dir.toAbsolutePath());
            }
            return traces;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
