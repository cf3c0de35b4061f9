package io.github.pictory4j.images.simulator.standalone;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;

/**
 * Where the simulator and its HTTP runtime are loaded from, and the call that starts them. In the
 * {@code simulator-standalone} jar they are nested in it ({@link NestedRuntime}) and loaded apart from the
 * test's class path; from this project's own classes (its unit tests) they are on the class path already.
 * Only JDK types cross between the two class loaders.
 */
final class SimulatorRuntime {

    /** The host's class, which only the runtime's class loader can load. */
    static final String HOST_CLASS = "io.github.pictory4j.images.simulator.host.SimulatorHost";

    private static volatile SimulatorRuntime shared;

    private final ClassLoader loader;
    private final Method start;

    private SimulatorRuntime(ClassLoader loader) {
        this.loader = loader;
        try {
            this.start = Class.forName(HOST_CLASS, true, loader).getMethod("start", String.class, int.class, Map.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("The simulator's runtime is incomplete (" + e + "): use the"
                    + " simulator-standalone jar whole, not its classes copied elsewhere", e);
        }
    }

    /** The runtime of this JVM, loaded once: its class loader serves every simulator started. */
    static SimulatorRuntime get() {
        SimulatorRuntime runtime = shared;
        if (runtime == null) {
            synchronized (SimulatorRuntime.class) {
                runtime = shared;
                if (runtime == null) {
                    runtime = new SimulatorRuntime(NestedRuntime.find().map(NestedRuntime::classLoader)
                            .orElseGet(SimulatorRuntime::classPathLoader));
                    shared = runtime;
                }
            }
        }
        return runtime;
    }

    /** Whether the simulator runs apart from the class path, as from the built jar. */
    boolean isolated() {
        return loader != SimulatorRuntime.class.getClassLoader();
    }

    /** Starts a simulator; answers its base URL and what stops it. */
    @SuppressWarnings("unchecked")
    Map.Entry<URI, AutoCloseable> start(String hostname, int port, Map<String, String> settings) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // RESTEasy, XNIO and JSON-P look their services up through the context class loader, and the
        // server's threads inherit it from this one.
        thread.setContextClassLoader(loader);
        try {
            return (Map.Entry<URI, AutoCloseable>) start.invoke(null, hostname, port, Map.copyOf(settings));
        } catch (InvocationTargetException e) {
            // The host throws JDK exceptions; anything else is of a class the caller's loader may not know.
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime && runtime.getClass().getClassLoader() == null ? runtime
                    : new IllegalStateException("The simulator could not start: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + start + ": " + e, e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static ClassLoader classPathLoader() {
        ClassLoader own = SimulatorRuntime.class.getClassLoader();
        if (own.getResource(HOST_CLASS.replace('.', '/') + ".class") == null) {
            throw new IllegalStateException("The simulator's runtime is not here: " + NestedRuntime.INDEX
                    + " is missing from " + SimulatorRuntime.class.getProtectionDomain().getCodeSource().getLocation()
                    + ". Depend on pictory-images with the classifier simulator-standalone");
        }
        return own;
    }
}
