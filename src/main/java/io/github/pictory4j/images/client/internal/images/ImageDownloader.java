package io.github.pictory4j.images.client.internal.images;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens a job's PNG link with the runtime's JAX-RS client, as a stream. A link Pictory no longer serves
 * (404, 410) will not come back: that is {@link PngCheck.NotAcceptable}; anything else that fails may
 * work later.
 */
public class ImageDownloader implements AutoCloseable {

    private final Client client;

    /** @param timeout for connecting, and for each read */
    public ImageDownloader(Duration timeout) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** The image's bytes, to be read (and closed) by the caller. */
    public InputStream open(String url) throws IOException {
        Response response;
        try {
            response = client.target(url).request("image/png", "*/*").get();
        } catch (ProcessingException | IllegalArgumentException e) {
            throw new IOException("downloading the image failed: " + e.getMessage(), e);
        }
        int status = response.getStatus();
        if (status == 404 || status == 410) {
            response.close();
            throw new PngCheck.NotAcceptable("Pictory no longer serves the image (" + status + ")");
        }
        if (status != 200) {
            response.close();
            throw new IOException("the image link answered " + status);
        }
        try {
            InputStream body = response.readEntity(InputStream.class);
            return new java.io.FilterInputStream(body) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        response.close();
                    }
                }
            };
        } catch (ProcessingException e) {
            response.close();
            throw new IOException("reading the image failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
