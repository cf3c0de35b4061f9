package io.github.pictory4j.images.client.internal.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link PictoryImagesApi} built at its first call rather than at start: building it makes RESTEasy's engine
 * initialise the JVM's TLS context, about half a second of the application's start (see
 * src/docs/performance.md). What can be checked without building it (the base URL, an implementation on the
 * class path) is checked at start by whoever makes the builder. Closing closes the client if it was built.
 */
public final class LazyRestClient implements InvocationHandler, AutoCloseable {

    private final Supplier<PictoryImagesApi> build;
    /** Guarded by {@code this}. */
    private PictoryImagesApi built;

    private LazyRestClient(Supplier<PictoryImagesApi> build) {
        this.build = build;
    }

    /** The API, built by {@code build} at its first call; {@code owner} closes it. */
    public static PictoryImagesApi of(Supplier<PictoryImagesApi> build, Consumer<AutoCloseable> owner) {
        LazyRestClient lazy = new LazyRestClient(build);
        owner.accept(lazy);
        return (PictoryImagesApi) Proxy.newProxyInstance(PictoryImagesApi.class.getClassLoader(),
                new Class<?>[]{PictoryImagesApi.class}, lazy);
    }

    private synchronized PictoryImagesApi api() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "PictoryImagesApi (built at its first call)";
            };
        }
        try {
            return method.invoke(api(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the REST client's own exceptions, unchanged
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (built instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
