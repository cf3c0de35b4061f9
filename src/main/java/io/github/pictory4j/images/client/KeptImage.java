package io.github.pictory4j.images.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

/**
 * A job's PNG as the store keeps it, whether or not Pictory still has it. The bytes are streamed from
 * the database in small chunks, never held whole in memory.
 */
public interface KeptImage {

    String jobId();

    /** {@code image/png}. */
    String contentType();

    long sizeBytes();

    /** Read from the PNG itself (its IHDR), not from what Pictory said. */
    int width();

    int height();

    Instant keptAt();

    /** Copies the image to {@code out}, chunk by chunk; does not close {@code out}. */
    void writeTo(OutputStream out) throws IOException;

    /** The image as a stream, read from the store as it is consumed; close it to release its connection. */
    InputStream openStream() throws IOException;
}
