package io.github.pictory4j.images.client.internal.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * One {@link Jsonb} for every call of {@link PictoryImagesApi}. Without a resolver, RESTEasy (the JAX-RS
 * implementation in Open Liberty, and the standalone client) builds a new {@code Jsonb} for every
 * entity it reads or writes: a provider lookup, a fresh model of each class and a handful of caught
 * exceptions per call, which made a submission 6.6 times as slow as a raw HTTP call (see
 * src/docs/performance.md). {@code Jsonb} instances are thread-safe.
 */
public class PictoryJsonb implements ContextResolver<Jsonb> {

    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return Holder.JSONB;
    }

    /** The module's one {@code Jsonb}, also for the requests the job store keeps as JSON. */
    public static Jsonb shared() {
        return Holder.JSONB;
    }
}
