package io.github.pictory4j.images.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Jobs for unit tests. */
final class Jobs {

    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    private Jobs() {
    }

    static ImageOrder order(String prompt) {
        return new ImageOrder(prompt, PictoryCatalog.model("seedream3.0").orElseThrow(), "1:1", null, null, null);
    }

    static SimulatedJob job(String id, long sequence, String prompt) {
        return new SimulatedJob(id, sequence, order(prompt), T0.plusSeconds(sequence),
                T0.plusSeconds(sequence).plus(Duration.ofSeconds(3)), URI.create("http://localhost/images/" + id + ".png"),
                false);
    }
}
