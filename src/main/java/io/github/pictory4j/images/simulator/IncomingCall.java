package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to one of the simulator's Pictory endpoints, as the gate needs it: to record it, to check
 * its key, and to answer it, or close its connection, when a fault is scripted.
 *
 * @param response where the answer goes: a reset writes its headers there itself
 * @param body     the request's body as the resource read it; null when it takes none
 */
public record IncomingCall(PictoryEndpoint endpoint, HttpServletRequest request, HttpServletResponse response,
                           String body) {

    /** The raw {@code Authorization} header, or null. */
    public String authorization() {
        return request.getHeader(HttpHeaders.AUTHORIZATION);
    }

    /** What a test reads back of this request: everything but the key, of which only {@code key} tells. */
    public RecordedRequest record(Instant receivedAt, KeyCheck key, Fault faultServed) {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
            }
        }
        return new RecordedRequest(receivedAt, endpoint, request.getMethod(), path(), request.getQueryString(), headers,
                key, body, faultServed);
    }

    /** The path below the simulator's base URL, as sent (not decoded). */
    private String path() {
        String base = request.getContextPath() + request.getServletPath();
        String uri = request.getRequestURI();
        return uri.startsWith(base) ? uri.substring(base.length()) : uri;
    }
}
