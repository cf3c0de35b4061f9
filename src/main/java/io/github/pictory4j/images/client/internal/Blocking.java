package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.internal.http.Failures;
import io.github.pictory4j.images.client.PictoryException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Turns the client's asynchronous operations into blocking calls for the blocking API. */
public final class Blocking {

    private Blocking() {
    }

    /**
     * Waits for {@code future}: its value, or its failure as the {@link PictoryException} it is. An
     * interrupt cancels the operation and keeps the thread's interrupt status.
     */
    public static <T> T join(CompletableFuture<T> future, String operation) {
        try {
            // On one of the client's own threads (an observer of a job's end calling the blocking API, say),
            // the wait gives that thread's turn to the work it may be waiting for.
            return Scheduling.giveTurnWhile(future::get);
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new PictoryException("Interrupted while " + lowerFirst(operation), e);
        } catch (ExecutionException e) {
            throw Failures.translate(e, operation);
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
