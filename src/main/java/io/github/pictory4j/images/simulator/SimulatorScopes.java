package io.github.pictory4j.images.simulator;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's scopes: the default one, of the configured key, and those issued to tests, each with a
 * key of its own ({@code pictai_scope_…}). Bounded: beyond {@link #CAPACITY} issued scopes the oldest is
 * forgotten (its key is then refused), so that a long test run cannot fill the heap.
 *
 * <p>Issued keys are secrets like the configured one: they are never logged, and they are looked up by
 * their SHA-256 rather than compared as text, so that response times tell nothing about a guessed key.
 */
@ApplicationScoped
public class SimulatorScopes {

    /** How many issued scopes are kept. */
    public static final int CAPACITY = 1000;
    /** How an issued key begins, so that it reads as a Pictory-style key in a test's configuration. */
    public static final String KEY_PREFIX = "pictai_scope_";

    private final int capacity;
    private final SimulatorScope defaultScope = new SimulatorScope(SimulatorScope.DEFAULT_ID);
    private final SecureRandom random = new SecureRandom();
    /** Issued scopes by id, oldest first, with their key's digest. Guarded by {@code this}, as is the rest. */
    private final Map<String, String> digestById = new LinkedHashMap<>();
    private final Map<String, SimulatorScope> byDigest = new HashMap<>();
    private long issued;

    public SimulatorScopes() {
        this(CAPACITY);
    }

    SimulatorScopes(int capacity) {
        this.capacity = capacity;
    }

    /** The scope of the simulator's configured key. */
    public SimulatorScope defaultScope() {
        return defaultScope;
    }

    /** Starts a scope and answers its key, forgetting the oldest scope beyond {@link #CAPACITY}. */
    public synchronized String issue() {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String key = KEY_PREFIX + HexFormat.of().formatHex(secret);
        SimulatorScope scope = new SimulatorScope("scope-" + ++issued);
        String digest = digest(key);
        digestById.put(scope.id(), digest);
        byDigest.put(digest, scope);
        Iterator<String> oldestFirst = digestById.values().iterator();
        while (digestById.size() > capacity) {
            byDigest.remove(oldestFirst.next());
            oldestFirst.remove();
        }
        return key;
    }

    /** The scope whose key {@code authorization} is exactly; empty when it is none (or the header is absent). */
    public Optional<SimulatorScope> forKey(String authorization, SimulatorSettings settings) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (settings.accepts(authorization)) {
            return Optional.of(defaultScope);
        }
        if (!authorization.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        String digest = digest(authorization);
        synchronized (this) {
            return Optional.ofNullable(byDigest.get(digest));
        }
    }

    /** The scope called {@code id}, if it is the default or still kept. */
    public synchronized Optional<SimulatorScope> byId(String id) {
        if (SimulatorScope.DEFAULT_ID.equals(id)) {
            return Optional.of(defaultScope);
        }
        String digest = digestById.get(id);
        return Optional.ofNullable(digest == null ? null : byDigest.get(digest));
    }

    /** How many issued scopes are kept. */
    public synchronized int size() {
        return digestById.size();
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
