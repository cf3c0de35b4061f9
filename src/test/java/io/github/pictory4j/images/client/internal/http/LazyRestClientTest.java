package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.PictoryNotFoundException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The REST client is built at its first call, once, closed by its owner, and its exceptions pass unchanged. */
class LazyRestClientTest {

    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final PictoryNotFoundException gone = new PictoryNotFoundException(404, null, "no such job");

    private PictoryImagesApi built() {
        builds.incrementAndGet();
        return (PictoryImagesApi) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{PictoryImagesApi.class, AutoCloseable.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closes.incrementAndGet();
                        return null;
                    }
                    if (method.getName().equals("getJob")) {
                        throw gone;
                    }
                    return new CleanJobResponse(true, null);
                });
    }

    @Test
    void builtAtTheFirstCallOnceAndClosedByItsOwner() throws Exception {
        PictoryImagesApi api = LazyRestClient.of(this::built, owned::add);
        assertEquals(0, builds.get(), "nothing built at start");

        api.cleanJob("key", "job-1");
        api.cleanJob("key", "job-2");
        assertEquals(1, builds.get());

        assertEquals(1, owned.size());
        owned.get(0).close();
        assertEquals(1, closes.get());
    }

    @Test
    void theClientsExceptionsPassUnchanged() {
        PictoryImagesApi api = LazyRestClient.of(this::built, owned::add);

        assertSame(gone, assertThrows(PictoryNotFoundException.class, () -> api.getJob("key", "job-1")));
    }

    @Test
    void closingAClientNeverBuiltBuildsNothing() throws Exception {
        LazyRestClient.of(this::built, owned::add);

        owned.get(0).close();

        assertEquals(0, builds.get());
        assertEquals(0, closes.get());
    }
}
