package io.github.pictory4j.images.simulator.control;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How many recorded requests matched a {@link RequestPattern}, checked with {@link #times}, {@link #atLeast} or
 * {@link #never}. A failed check throws an {@link AssertionError} that lists what the simulator received at that
 * endpoint, nearest match first, and what each miss carried instead.
 */
public final class Verification {

    /** How many received requests a failure message lists. */
    static final int SHOWN = 10;

    private final RequestPattern pattern;
    private final List<RecordedRequest> received;

    Verification(RequestPattern pattern, List<RecordedRequest> received) {
        this.pattern = pattern;
        this.received = List.copyOf(received);
    }

    /** The matching requests, oldest first. */
    public List<RecordedRequest> matching() {
        return received.stream().filter(pattern::matches).toList();
    }

    /** Exactly {@code expected} requests matched. */
    public List<RecordedRequest> times(int expected) {
        return check(expected, expected, "exactly " + expected);
    }

    /** At least {@code expected} requests matched. */
    public List<RecordedRequest> atLeast(int expected) {
        return check(expected, Integer.MAX_VALUE, "at least " + expected);
    }

    /** No request matched. */
    public void never() {
        check(0, 0, "no");
    }

    private List<RecordedRequest> check(int least, int most, String wanted) {
        List<RecordedRequest> matching = matching();
        if (matching.size() < least || matching.size() > most) {
            throw new AssertionError("Expected " + wanted + " " + pattern + ", but " + matching.size() + " matched."
                    + receivedText());
        }
        return matching;
    }

    private String receivedText() {
        List<RecordedRequest> sameEndpoint = received.stream()
                .filter(request -> request.endpoint() == pattern.endpoint())
                .sorted(Comparator.comparingInt((RecordedRequest request) -> -pattern.nearness(request))
                        .thenComparing(RecordedRequest::receivedAt))
                .toList();
        if (sameEndpoint.isEmpty()) {
            return " The simulator received no " + pattern.endpoint() + " request (" + received.size()
                    + " request" + (received.size() == 1 ? "" : "s") + " in all).";
        }
        String lines = sameEndpoint.stream().limit(SHOWN).map(request -> "\n  " + request.method() + " " + request.path()
                        + " at " + request.receivedAt() + (pattern.matches(request) ? ": matches"
                        : ": differs in " + pattern.misses(request)))
                .collect(Collectors.joining());
        return " Received " + sameEndpoint.size() + " " + pattern.endpoint() + " request"
                + (sameEndpoint.size() == 1 ? "" : "s") + ", nearest first:" + lines
                + (sameEndpoint.size() > SHOWN ? "\n  …" : "");
    }
}
