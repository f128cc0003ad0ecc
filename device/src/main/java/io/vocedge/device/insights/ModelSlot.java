package io.vocedge.device.insights;

import io.vocedge.device.insights.model.InsightModel;
import java.util.concurrent.atomic.AtomicReference;
import org.tinylog.Logger;

/**
 * The active model and the one before it, swapped as one immutable pair so an analysis never sees half a change and a
 * bad model can be rolled back without a file. Installing the version that is already active is refused (a repeated
 * delivery must not push out the real previous model); any other version may be installed, including an older one:
 * ordering is the distribution channel's decision.
 */
final class ModelSlot {
    private record Pair(InsightModel current, InsightModel previous) {}

    private final AtomicReference<Pair> pair;

    ModelSlot(InsightModel initial) {
        pair = new AtomicReference<>(new Pair(initial, null));
    }

    InsightModel current() {
        return pair.get().current();
    }

    synchronized void install(InsightModel next) {
        Pair p = pair.get();
        if (p.current() != null && p.current().version().equals(next.version())) {
            throw new IllegalArgumentException("model " + next.version() + " is already active");
        }
        pair.set(new Pair(next, p.current()));
        Logger.info(
                "event=model_installed version={} previous={} rows={}",
                next.version(),
                p.current() == null ? "none" : p.current().version(),
                next.info().rows());
    }

    synchronized InsightModel rollback() {
        Pair p = pair.get();
        if (p.previous() == null) {
            throw new IllegalStateException("no previous model to roll back to");
        }
        pair.set(new Pair(p.previous(), p.current()));
        Logger.info(
                "event=model_rolled_back version={} replaced={}",
                p.previous().version(),
                p.current().version());
        return p.previous();
    }
}
