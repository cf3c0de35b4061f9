package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.ImageJob;

/** One operation's span, as the client fills it in. Ends once; calls after the end are ignored. */
public interface Traced {

    /** Nothing is recorded. */
    Traced NONE = new NoTelemetry.NoTrace();

    /** Makes the operation current on this thread until the scope closes: what runs meanwhile sits under it. */
    Scope enter();

    /** Makes current the context the operation was started in (for work that follows it but is not part of it). */
    Scope enterParent();

    /** The job the operation is about, once known. */
    void jobId(String jobId);

    /** A poll of the job was made. */
    void polled();

    /** The job's state as read. */
    void state(ImageJob job);

    /** How this instance learned of the job's end. */
    void endedBy(EndSource source);

    /** The operation was refused (a callback's token), for the reason given (a short, fixed word). */
    void refused(String reason);

    /** The image kept, in bytes. */
    void kept(long bytes);

    /** Ends the span; {@code failure} null for a success. */
    void end(Throwable failure);

    /** The extent of {@link #enter()}; closing it needs no try-catch. */
    interface Scope extends AutoCloseable {
        Scope NONE = () -> { };

        @Override
        void close();
    }
}
