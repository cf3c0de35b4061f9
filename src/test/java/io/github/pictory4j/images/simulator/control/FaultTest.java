package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultTest {

    @Test
    void everyFaultSurvivesTheTripThroughJson() {
        List<Fault> faults = List.of(Fault.status(503), Fault.unauthorized(), Fault.rateLimited(Duration.ofSeconds(3)),
                Fault.html(502), Fault.malformedJson(), Fault.reset(), Fault.delay(Duration.ofMillis(1500)),
                Fault.status(500).withHeader("X-Request-Id", "r-1").after(Duration.ofMillis(200)),
                Fault.reset().after(Duration.ofSeconds(1)), Fault.answer(200, "text/plain", ""));

        for (Fault fault : faults) {
            assertEquals(fault, Fault.fromJson(parse(fault.toJson().build().toString())), fault.toString());
        }
    }

    @Test
    void theFactoriesAnswerAsTheirNamesSay() {
        assertEquals(new Fault(Fault.Kind.ANSWER, 401, Fault.JSON, "{\"message\":\"Unauthorized\"}", Map.of(), Duration.ZERO),
                Fault.unauthorized(), "Pictory's documented 401");
        assertEquals("2", Fault.rateLimited(Duration.ofMillis(1001)).headers().get("Retry-After"), "whole seconds, up");
        assertEquals("1", Fault.rateLimited(Duration.ofSeconds(1)).headers().get("retry-after"), "any case");
        assertEquals(Fault.HTML, Fault.html(403).contentType());
        assertEquals(403, Fault.html(403).status());
        assertEquals(200, Fault.malformedJson().status());
        assertThrows(jakarta.json.JsonException.class, () -> parse(Fault.malformedJson().body()));
        assertEquals(Duration.ofSeconds(2), Fault.delay(Duration.ofSeconds(2)).delay());
    }

    @Test
    void whatJsonLeavesOutTakesTheDefaults() {
        assertEquals(Fault.answer(503, Fault.JSON, ""), Fault.fromJson(parse("{\"status\":503}")));
        assertEquals(Fault.reset(), Fault.fromJson(parse("{\"kind\":\"reset\"}")));
    }

    @Test
    void unusableFaultsAreRefusedWithWhatToWrite() {
        assertRefused("{}", "status is required for an answer: write the HTTP status to answer with, such as 503");
        assertRefused("{\"status\":199}", "status must be the HTTP status to answer with, from 200 to 599, such as 503");
        assertRefused("{\"status\":600}", "status must be the HTTP status to answer with, from 200 to 599, such as 503");
        assertRefused("{\"status\":\"503\"}", "status must be a whole number");
        assertRefused("{\"kind\":\"explode\"}", "kind must be one of answer, reset, delay, not explode");
        assertRefused("{\"kind\":\"reset\",\"status\":503}", "a reset fault sends no answer of its own:"
                + " leave out status, contentType, body and headers");
        assertRefused("{\"kind\":\"delay\",\"headers\":{\"A\":\"1\"},\"delayMillis\":5}", "a delay fault sends no answer");
        assertRefused("{\"kind\":\"delay\"}", "a delay fault needs delayMillis above 0, such as 1500");
        assertRefused("{\"status\":503,\"delayMillis\":-1}", "delayMillis must be from 0 to 600000, such as 1500");
        assertRefused("{\"status\":503,\"delayMillis\":600001}", "delayMillis must be from 0 to 600000");
        assertRefused("{\"status\":503,\"contentType\":\"json\"}", "contentType must be a media type, such as application/json");
        assertRefused("{\"status\":503,\"headers\":{\"Retry After\":\"1\"}}", "headers: \"Retry After\" is not a header name");
        assertRefused("{\"status\":503,\"headers\":{\"X-A\":\"1\\r\\nSet-Cookie: x\"}}", "headers.X-A must be a one-line string");
        assertRefused("{\"status\":503,\"headers\":{\"X-A\":1}}", "headers.X-A must be a string");
        assertRefused("{\"status\":503,\"headers\":[]}", "headers must be an object of strings");
    }

    private static void assertRefused(String json, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Fault.fromJson(parse(json)));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
