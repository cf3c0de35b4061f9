package io.github.pictory4j.images.sample;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses (403) a request that changes something when a browser says another site started it: its
 * {@code Origin} is not this app's, or, without an {@code Origin}, its {@code Sec-Fetch-Site} is
 * {@code cross-site}. Cross-site request forgery is also stopped by the API taking JSON only (a form or a
 * simple cross-site fetch can send no JSON without a CORS preflight, which this app never grants) and by the
 * session cookie's {@code SameSite=Strict}; this guard also covers pages on the same site (another port of
 * localhost, say), to which SameSite does not apply. Pictory's webhook is called by Pictory, never a browser.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true) // /api/events is a server-sent stream
public class SameOriginGuard extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    static final String WEBHOOK = "/api/pictory/webhook";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || WEBHOOK.equals(request.getRequestURI())
                || sameOrigin(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), host(request))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("message", "Refused: this request was started by"
                + " another site (Origin " + request.getHeader("Origin") + ", Sec-Fetch-Site "
                + request.getHeader("Sec-Fetch-Site") + ", this app " + host(request) + "). The sample's API"
                + " takes changes from its own page or from scripts only").build().toString());
    }

    /**
     * Whether a request with these headers came from this app's own page, or from no browser page at all: a
     * script sends neither header. Only the host and port are compared, so that a proxy ending TLS in front of
     * the app does not count as another origin.
     */
    static boolean sameOrigin(String origin, String fetchSite, String host) {
        if (origin == null || origin.isBlank()) {
            return fetchSite == null || !fetchSite.equalsIgnoreCase("cross-site");
        }
        if (host == null || origin.equals("null")) {
            return false; // an opaque origin (a sandboxed frame, a file) is never this app
        }
        try {
            URI from = URI.create(origin.trim());
            return from.getHost() != null && authority(from.getScheme(), from.getHost(), from.getPort())
                    .equals(authority(from.getScheme(), hostOf(host), portOf(host)));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The host (and port) the caller addressed: the Host header, or HTTP/2's :authority where there is none. */
    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host != null ? host : request.getServerName() + ":" + request.getServerPort();
    }

    private static String authority(String scheme, String host, int port) {
        int effective = port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        return host.toLowerCase(Locale.ROOT) + ":" + effective;
    }

    private static String hostOf(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    private static int portOf(String host) {
        int colon = host.lastIndexOf(':');
        if (colon <= host.lastIndexOf(']')) {
            return -1;
        }
        try {
            return Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException malformed) {
            return -2; // never equal to a real port
        }
    }
}
