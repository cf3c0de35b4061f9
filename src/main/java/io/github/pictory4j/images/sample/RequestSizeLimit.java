package io.github.pictory4j.images.sample;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies at {@link #MAX_BYTES}: a declared larger body is refused before it is read, and
 * a chunked one is cut off as soon as it passes the cap. An image request is a few kilobytes at most
 * (a 5,000-character prompt and two URLs).
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    static jakarta.ws.rs.core.Response tooLarge() {
        return PictoryErrors.json(413, ErrorBody.of("The request body is larger than " + MAX_BYTES / 1024
                + " KiB; an image request is a few kilobytes"));
    }

    /** Raised when a body without a declared length passes the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLargeException();
            }
        }
    }
}
