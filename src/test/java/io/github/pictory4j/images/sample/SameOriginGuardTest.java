package io.github.pictory4j.images.sample;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests that change something count as started by this app's own page, or by no page at all. */
class SameOriginGuardTest {

    @Test
    void theAppsOwnPageAndScriptsPass() {
        assertTrue(SameOriginGuard.sameOrigin("http://localhost:9080", "same-origin", "localhost:9080"));
        assertTrue(SameOriginGuard.sameOrigin("https://images.example.com", null, "images.example.com"), "default ports");
        assertTrue(SameOriginGuard.sameOrigin("http://images.example.com:80", null, "images.example.com"));
        assertTrue(SameOriginGuard.sameOrigin("http://[::1]:9080", null, "[::1]:9080"));
        assertTrue(SameOriginGuard.sameOrigin(null, null, "localhost:9080"), "curl: no Origin, no Sec-Fetch-Site");
        assertTrue(SameOriginGuard.sameOrigin(null, "none", "localhost:9080"), "typed in the address bar");
    }

    @Test
    void anotherSiteOrPortIsRefused() {
        assertFalse(SameOriginGuard.sameOrigin("http://localhost:8000", "same-site", "localhost:9080"),
                "another port of localhost: the same site, so SameSite cookies go along; refused here");
        assertFalse(SameOriginGuard.sameOrigin("http://evil.example", "cross-site", "localhost:9080"));
        assertFalse(SameOriginGuard.sameOrigin("null", "cross-site", "localhost:9080"), "a sandboxed frame");
        assertFalse(SameOriginGuard.sameOrigin(null, "cross-site", "localhost:9080"), "no Origin, but the browser says");
        assertFalse(SameOriginGuard.sameOrigin("http://localhost:9080", null, null), "no Host to compare");
        assertFalse(SameOriginGuard.sameOrigin("not a url", null, "localhost:9080"));
    }
}
