package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the real REST client interface (RESTEasy's standalone MicroProfile REST client) for unit tests. */
final class RestClients {

    static final String KEY = "pictai_unit_test_key_5f3a";
    /** Where jobs are submitted, under the base URL {@link #api} uses. */
    static final String IMAGES = "/pictoryapis/v1/aistudio/images";

    private RestClients() {
    }

    static PictoryImagesApi api(String baseUrl, Duration readTimeout) {
        return RestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl + "/pictoryapis"))
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(PictoryImagesApi.class);
    }

    static PictoryImagesApi api(String baseUrl) {
        return api(baseUrl, Duration.ofSeconds(5));
    }
}
