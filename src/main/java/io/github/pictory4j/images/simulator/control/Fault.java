package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator does to a request instead of answering it as Pictory would: answer with a given
 * status, body and headers ({@link Kind#ANSWER}), close the connection ({@link Kind#RESET}), or answer
 * normally but late ({@link Kind#DELAY}). Any of them can wait {@link #delay()} first.
 *
 * @param status      the HTTP status of an answer; 0 for the other kinds
 * @param contentType the answer's {@code Content-Type}; null for the other kinds
 * @param body        the answer's body, sent as it is (it need not be JSON); null for the other kinds
 * @param headers     extra headers of the answer, such as {@code Retry-After}
 * @param delay       how long the simulator holds the request before it acts
 */
public record Fault(Kind kind, int status, String contentType, String body, Map<String, String> headers,
                    Duration delay) {

    /** The longest delay: long enough for any client timeout, short enough not to hold a server thread for good. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    public static final String JSON = "application/json";
    public static final String HTML = "text/html;charset=UTF-8";

    /** What the fault does. */
    public enum Kind {
        /** Answers with the fault's status, body and headers. */
        ANSWER,
        /** Sends a 200's status line and headers, then closes the connection before the body. */
        RESET,
        /** Answers as Pictory would, after the delay. */
        DELAY
    }

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: answer, reset or delay");
        }
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delayMillis must be from 0 to " + MAX_DELAY.toMillis() + ", such as 1500");
        }
        headers = checkedHeaders(headers == null ? Map.of() : headers);
        if (kind == Kind.ANSWER) {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("status must be the HTTP status to answer with, from 200 to 599, such as 503");
            }
            if (contentType == null || !contentType.matches("[\\w.+-]+/[\\w.+-]+\\s*(;.*)?")) {
                throw new IllegalArgumentException("contentType must be a media type, such as " + JSON + " or " + HTML);
            }
            if (body == null) {
                throw new IllegalArgumentException("body must not be null: write \"\" for an empty body");
            }
        } else if (status != 0 || contentType != null || body != null || !headers.isEmpty()) {
            throw new IllegalArgumentException("a " + WireNames.of(kind) + " fault sends no answer of its own:"
                    + " leave out status, contentType, body and headers");
        }
        if (kind == Kind.DELAY && delay.isZero()) {
            throw new IllegalArgumentException("a delay fault needs delayMillis above 0, such as 1500");
        }
    }

    /** An answer with {@code status} and a JSON message, as Pictory's errors have. */
    public static Fault status(int status) {
        return answer(status, JSON, message("Scripted " + status + " from the Pictory simulator"));
    }

    /** Pictory's 401 for a key it refuses: {@code {"message":"Unauthorized"}}. */
    public static Fault unauthorized() {
        return answer(401, JSON, message("Unauthorized"));
    }

    /** A 429 asking the client to wait {@code retryAfter} (whole seconds, rounded up) in {@code Retry-After}. */
    public static Fault rateLimited(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return answer(429, JSON, message("Too Many Requests")).withHeader("Retry-After", Long.toString(seconds));
    }

    /** An HTML page with {@code status}, as a proxy or a CDN in front of Pictory answers. */
    public static Fault html(int status) {
        return answer(status, HTML, "<!DOCTYPE html><html><head><title>" + status + "</title></head><body><h1>Error "
                + status + "</h1><p>Scripted by the Pictory simulator.</p></body></html>");
    }

    /** A 200 whose JSON breaks off in the middle. */
    public static Fault malformedJson() {
        return answer(200, JSON, "{\"success\":true,\"data\":{\"jobId\":");
    }

    /** The connection closes after a 200's headers, before the body: the client sees it break. */
    public static Fault reset() {
        return new Fault(Kind.RESET, 0, null, null, Map.of(), Duration.ZERO);
    }

    /** The normal answer, {@code delay} late. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, null, Map.of(), delay);
    }

    /** An answer with exactly this status, content type and body. */
    public static Fault answer(int status, String contentType, String body) {
        return new Fault(Kind.ANSWER, status, contentType, body, Map.of(), Duration.ZERO);
    }

    /** This fault with one more header in its answer. */
    public Fault withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(headers);
        more.put(name, value);
        return new Fault(kind, status, contentType, body, more, delay);
    }

    /** This fault, acted on {@code delay} after the request arrives. */
    public Fault after(Duration delay) {
        return new Fault(kind, status, contentType, body, headers, delay);
    }

    /** The fault's members of the control API's {@code POST /simulator-control/faults} body. */
    public JsonObjectBuilder toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("kind", WireNames.of(kind));
        if (kind == Kind.ANSWER) {
            var headerJson = Json.createObjectBuilder();
            headers.forEach(headerJson::add);
            json.add("status", status).add("contentType", contentType).add("body", body).add("headers", headerJson);
        }
        return json.add("delayMillis", delay.toMillis());
    }

    /**
     * The fault {@code json} describes. Only {@code status} is required, for an answer: {@code kind} is
     * {@code answer} by default, {@code contentType} {@value #JSON}, {@code body} empty.
     */
    public static Fault fromJson(JsonObject json) {
        Kind kind = JsonFields.string(json, "kind").map(text -> WireNames.parse(Kind.class, "kind", text)).orElse(Kind.ANSWER);
        Duration delay = JsonFields.millis(json, "delayMillis", Duration.ZERO);
        if (kind != Kind.ANSWER) {
            return new Fault(kind, JsonFields.integer(json, "status", 0), JsonFields.string(json, "contentType").orElse(null),
                    JsonFields.string(json, "body").orElse(null), JsonFields.strings(json, "headers"), delay);
        }
        int status = JsonFields.number(json, "status").orElseThrow(() -> new IllegalArgumentException(
                "status is required for an answer: write the HTTP status to answer with, such as 503")).intValue();
        return new Fault(kind, status, JsonFields.string(json, "contentType").orElse(JSON),
                JsonFields.string(json, "body").orElse(""), JsonFields.strings(json, "headers"), delay);
    }

    private static String message(String message) {
        return Json.createObjectBuilder().add("message", message).build().toString();
    }

    /** Header names must be tokens and values single lines: a scripted answer cannot smuggle in another header. */
    private static Map<String, String> checkedHeaders(Map<String, String> headers) {
        Map<String, String> checked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("headers: \"" + name + "\" is not a header name, such as Retry-After");
            }
            if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("headers." + name + " must be a one-line string, such as \"1\"");
            }
            checked.put(name, value);
        });
        return Collections.unmodifiableMap(checked);
    }
}
