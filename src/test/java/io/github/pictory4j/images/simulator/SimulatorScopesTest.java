package io.github.pictory4j.images.simulator;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which scope a key picks, and how many scopes are kept. */
class SimulatorScopesTest {

    private static final SimulatorSettings SETTINGS = SimulatorSettings.DEFAULT;

    private final SimulatorScopes scopes = new SimulatorScopes(2);

    @Test
    void theConfiguredKeyPicksTheDefaultScopeAndAnIssuedKeyItsOwn() {
        String first = scopes.issue();
        String second = scopes.issue();

        assertSame(scopes.defaultScope(), scopes.forKey(SETTINGS.apiKey(), SETTINGS).orElseThrow());
        SimulatorScope one = scopes.forKey(first, SETTINGS).orElseThrow();
        SimulatorScope two = scopes.forKey(second, SETTINGS).orElseThrow();
        assertNotEquals(one.id(), two.id());
        assertNotEquals(SimulatorScope.DEFAULT_ID, one.id());
        assertSame(one, scopes.byId(one.id()).orElseThrow());
        assertSame(scopes.defaultScope(), scopes.byId(SimulatorScope.DEFAULT_ID).orElseThrow());
        assertTrue(first.startsWith(SimulatorScopes.KEY_PREFIX) && first.length() == SimulatorScopes.KEY_PREFIX.length() + 32,
                "a prefix and 128 random bits");
        assertFalse(one.toString().contains(first), "a scope never shows its key: " + one);
    }

    @Test
    void anythingElseIsNoScope() {
        String issued = scopes.issue();

        assertEquals(Optional.empty(), scopes.forKey(null, SETTINGS));
        assertEquals(Optional.empty(), scopes.forKey("", SETTINGS));
        assertEquals(Optional.empty(), scopes.forKey("Bearer " + issued, SETTINGS));
        assertEquals(Optional.empty(), scopes.forKey(issued + "x", SETTINGS));
        assertEquals(Optional.empty(), scopes.forKey(SimulatorScopes.KEY_PREFIX + "0".repeat(32), SETTINGS));
        assertEquals(Optional.empty(), scopes.byId("scope-99"));
    }

    @Test
    void beyondItsCapacityTheOldestScopeIsForgottenAndItsKeyRefused() {
        String oldest = scopes.issue();
        String oldestId = scopes.forKey(oldest, SETTINGS).orElseThrow().id();
        String middle = scopes.issue();
        String newest = scopes.issue();

        assertEquals(2, scopes.size());
        assertEquals(Optional.empty(), scopes.forKey(oldest, SETTINGS));
        assertEquals(Optional.empty(), scopes.byId(oldestId));
        assertTrue(scopes.forKey(middle, SETTINGS).isPresent());
        assertTrue(scopes.forKey(newest, SETTINGS).isPresent());
    }
}
