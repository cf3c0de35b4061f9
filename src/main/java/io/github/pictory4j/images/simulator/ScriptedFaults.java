package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.RequestPattern;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The faults a test scripted for one scope, each aimed at the requests a {@link RequestPattern} matches,
 * tried in the order scripted: a request gets the fault of the first one whose pattern it matches and
 * that is due. The pattern is matched with {@link RequestPattern#matches}, the code a test's verification
 * runs, so that a fault hits exactly the requests {@code verify} would count.
 */
public class ScriptedFaults {

    /**
     * A fault still to be served: {@code passing} more matching requests go through first (the n-th
     * request's fault lets n-1 pass), then the next {@code times} get it.
     */
    private static final class Aimed {
        private final RequestPattern pattern;
        private final Fault fault;
        private int passing;
        private int times;

        Aimed(RequestPattern pattern, int passing, int times, Fault fault) {
            this.pattern = pattern;
            this.passing = passing;
            this.times = times;
            this.fault = fault;
        }
    }

    /** In the order scripted. Guarded by {@code this}. */
    private final List<Aimed> pending = new ArrayList<>();

    /** The next {@code times} requests of {@code endpoint}, after those already scripted, get {@code fault}. */
    public void add(PictoryEndpoint endpoint, int times, Fault fault) {
        add(RequestPattern.requestsTo(endpoint), 1, times, fault);
    }

    /**
     * The {@code nth} request from now on that {@code pattern} matches, and the {@code times - 1} matching
     * ones after it, get {@code fault}; the first {@code nth - 1} pass.
     */
    public synchronized void add(RequestPattern pattern, int nth, int times, Fault fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1 (1: the next matching request)");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        pending.add(new Aimed(pattern, nth - 1, times, fault));
    }

    /**
     * The fault for {@code request}, which just arrived, and is then used up; empty when no fault is due
     * for it. Every fault still letting requests pass counts a request it matches, whichever fault serves
     * it: the n-th matching request is the n-th the simulator received.
     */
    public synchronized Optional<Fault> next(RecordedRequest request) {
        Fault served = null;
        Iterator<Aimed> inOrder = pending.iterator();
        while (inOrder.hasNext()) {
            Aimed aimed = inOrder.next();
            if (!aimed.pattern.matches(request)) {
                continue;
            }
            if (aimed.passing > 0) {
                aimed.passing--;
            } else if (served == null) {
                served = aimed.fault;
                if (--aimed.times == 0) {
                    inOrder.remove();
                }
            }
        }
        return Optional.ofNullable(served);
    }

    public synchronized void clear() {
        pending.clear();
    }
}
