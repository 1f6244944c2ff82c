package dev.marquee.player.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that only queues: the test decides which task runs when, to play out slow and fast answers. */
final class ManualExecutor implements Executor {
    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        queued.add(task);
    }

    int size() {
        return queued.size();
    }

    /** Runs the task queued at {@code index} (0 = oldest still waiting). */
    void run(int index) {
        queued.remove(index).run();
    }

    void runAll() {
        while (!queued.isEmpty()) {
            run(0);
        }
    }
}
