package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.http.RetryAfter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSeconds() {
        assertEquals(Duration.ofSeconds(2), RetryAfter.parse(" 2 ", clock).orElseThrow());
    }

    @Test
    void readsAnHttpDate() {
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Tue, 24 Nov 2026 10:00:30 GMT", clock).orElseThrow());
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", clock).orElseThrow());
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertTrue(RetryAfter.parse("soon", clock).isEmpty());
        assertTrue(RetryAfter.parse("-3", clock).isEmpty());
        assertTrue(RetryAfter.parse(null, clock).isEmpty());
    }
}
