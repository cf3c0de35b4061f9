package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.RecordedRequest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests one scope of the simulator received at its Pictory endpoints, for tests to read back. Bounded: beyond
 * {@link #CAPACITY} the oldest are forgotten, so that a long-running demo cannot fill the heap.
 */
public class RequestLog {

    public static final int CAPACITY = 1000;

    private final int capacity;
    /** Oldest first. Guarded by {@code this}. */
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();

    public RequestLog() {
        this(CAPACITY);
    }

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(RecordedRequest request) {
        requests.addLast(request);
        while (requests.size() > capacity) {
            requests.removeFirst();
        }
    }

    /** Oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
