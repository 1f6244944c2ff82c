package dev.marquee.player.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose clock moves only when the test calls {@link #advance}. */
final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;

    private static final class Task {
        final Duration due;
        final Runnable run;
        boolean cancelled;

        Task(Duration due, Runnable run) {
            this.due = due;
            this.run = run;
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable run) {
        Task task = new Task(now.plus(delay), run);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves time forward, running every task that falls due, in order. */
    void advance(Duration by) {
        now = now.plus(by);
        List<Task> due = tasks.stream().filter(t -> t.due.compareTo(now) <= 0).sorted((a, b) -> a.due.compareTo(b.due)).toList();
        tasks.removeAll(due);
        due.stream().filter(t -> !t.cancelled).forEach(t -> t.run.run());
    }

    long pending() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}
