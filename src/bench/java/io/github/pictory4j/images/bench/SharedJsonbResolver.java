package io.github.pictory4j.images.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * An experiment, not part of the module: one {@link Jsonb} for every call. Without a
 * {@code ContextResolver<Jsonb>}, RESTEasy's {@code JsonBindingProvider} (6.2) wraps a null in a
 * {@code ManagedJsonb} that calls {@code JsonbBuilder.create()} for each entity it writes or reads, and
 * closes it afterwards: a provider lookup on the class path and a fresh Yasson class model per call.
 * {@link ModuleOverheadBenchmark#moduleSharedJsonb} registers this resolver to measure what the module
 * would save by registering one of its own.
 */
public class SharedJsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
