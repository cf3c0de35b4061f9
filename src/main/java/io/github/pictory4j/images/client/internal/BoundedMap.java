package io.github.pictory4j.images.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its oldest entry (by first insertion) past {@code limit} entries, so that what the client
 * remembers per job or per period cannot fill the heap. Not thread-safe: its owner locks.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {

    private final int limit;

    public BoundedMap(int limit) {
        this.limit = limit;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > limit;
    }
}
