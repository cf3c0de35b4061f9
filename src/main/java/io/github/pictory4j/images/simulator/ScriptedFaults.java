package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The faults a test scripted, per endpoint, in the order they are to be served. */
@ApplicationScoped
public class ScriptedFaults {

    /** Guarded by {@code this}. */
    private final Map<PictoryEndpoint, Deque<Fault>> pending = new EnumMap<>(PictoryEndpoint.class);

    /** The next {@code times} requests of {@code endpoint}, after those already scripted, get {@code fault}. */
    public synchronized void add(PictoryEndpoint endpoint, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Deque<Fault> queue = pending.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    /** The fault for a request of {@code endpoint} that just arrived, which is then used up; empty when none is left. */
    public synchronized Optional<Fault> next(PictoryEndpoint endpoint) {
        Deque<Fault> queue = pending.get(endpoint);
        return Optional.ofNullable(queue == null ? null : queue.pollFirst());
    }

    public synchronized void clear() {
        pending.clear();
    }
}
