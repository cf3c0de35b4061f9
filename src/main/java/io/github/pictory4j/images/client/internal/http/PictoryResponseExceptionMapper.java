package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.PictoryServiceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.time.Clock;

/**
 * Hands every error status (400 and above) of {@link PictoryImagesApi} to the {@link ResponseDecoder},
 * which turns it into the library's exception hierarchy. Bodies that are not JSON at all (a proxy's
 * HTML page) are read as text and described, never thrown raw.
 */
public class PictoryResponseExceptionMapper implements ResponseExceptionMapper<PictoryServiceException> {

    private final ResponseDecoder decoder;

    /** The form the REST client instantiates from {@code @RegisterProvider}. */
    public PictoryResponseExceptionMapper() {
        this(new ResponseDecoder(Clock.systemUTC()));
    }

    public PictoryResponseExceptionMapper(ResponseDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public PictoryServiceException toThrowable(Response response) {
        return decoder.error(response.getStatus(), response.getHeaderString(HttpHeaders.RETRY_AFTER), readBody(response));
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (ProcessingException | IllegalStateException unreadable) {
            return "";
        }
    }
}
