package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.ImageJob;

/**
 * One operation's span, as the client fills it in. Ends once; calls after the end are ignored. Every
 * method does nothing unless an implementation records it ({@link #NONE} records nothing).
 */
public interface Traced {

    /** Nothing is recorded. */
    Traced NONE = new Traced() { };

    /** Makes the operation current on this thread until the scope closes: what runs meanwhile sits under it. */
    default Scope enter() {
        return Scope.NONE;
    }

    /** Makes current the context the operation was started in (for work that follows it but is not part of it). */
    default Scope enterParent() {
        return Scope.NONE;
    }

    /** The job the operation is about, once known. */
    default void jobId(String jobId) {
    }

    /** A poll of the job was made. */
    default void polled() {
    }

    /** The job's state as read. */
    default void state(ImageJob job) {
    }

    /** How this instance learned of the job's end. */
    default void endedBy(EndSource source) {
    }

    /** The operation was refused (a callback's token), for the reason given (a short, fixed word). */
    default void refused(String reason) {
    }

    /** The image kept, in bytes. */
    default void kept(long bytes) {
    }

    /** Ends the span; {@code failure} null for a success. */
    default void end(Throwable failure) {
    }

    /** The extent of {@link #enter()}; closing it needs no try-catch. */
    interface Scope extends AutoCloseable {
        Scope NONE = () -> { };

        @Override
        void close();
    }
}
