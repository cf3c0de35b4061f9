package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.GeneratedImage;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImagePage;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire types are Pictory's JSON, apart from the public records: the body sent has plain strings in
 * Pictory's order with absent fields left out, and a listing read keeps values this release does not know.
 */
class WireBodiesTest {

    private final Jsonb jsonb = new PictoryJsonb().getContext(Object.class);

    @Test
    void theBodySentIsPictorysFieldsInOrderWithPlainStrings() {
        ImageRequest request = ImageRequest.builder("A lighthouse at dawn").model(ImageModel.FLUX_SCHNELL)
                .aspectRatio(AspectRatio.LANDSCAPE_16_9).style(ImageStyle.of("watercolor"))
                .referenceImageUrl("https://example.com/ref.png").webhook("https://app.example/hook").build();

        assertEquals("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\","
                        + "\"style\":\"watercolor\",\"referenceImageUrl\":\"https://example.com/ref.png\","
                        + "\"webhook\":\"https://app.example/hook\"}",
                jsonb.toJson(ImageJobBody.of(request)));
    }

    @Test
    void absentOptionalFieldsAreNotSent() {
        ImageRequest request = new ImageRequest("A lighthouse at dawn", ImageModel.NANOBANANA, null, null, null, null);

        assertEquals("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"nanobanana\"}", jsonb.toJson(ImageJobBody.of(request)));
    }

    @Test
    void aListingIsReadIntoThePublicPageKeepingUnknownValues() {
        String answer = "{\"items\":[{\"id\":\"img-1\",\"url\":\"https://cdn.example/1.png\",\"prompt\":\"harbour\","
                + "\"aspectRatio\":\"21:9\",\"model\":\"flux-ultra\",\"width\":1024,\"height\":1024,\"style\":\"neon\","
                + "\"createdDate\":\"2026-12-05T05:00:00Z\",\"futureField\":true},null],\"nextPageKey\":\"k2\"}";

        ImagePage page = jsonb.fromJson(answer, ImagesPageBody.class).toPage();

        assertEquals(1, page.items().size());
        GeneratedImage image = page.items().get(0);
        assertEquals(ImageModel.of("flux-ultra"), image.model());
        assertFalse(image.model().isKnown());
        assertEquals("21:9", image.aspectRatio().value());
        assertEquals("neon", image.style().value());
        assertEquals(1024, image.width());
        assertEquals("k2", page.nextPage().orElseThrow());
    }

    @Test
    void aListingWithoutItemsIsAnEmptyLastPage() {
        ImagePage page = jsonb.fromJson("{}", ImagesPageBody.class).toPage();

        assertTrue(page.items().isEmpty());
        assertTrue(page.nextPage().isEmpty());
    }

    @Test
    void aJobsStatusIsReadAsTextAndKeptWhenUnknown() {
        JobResponse answer = jsonb.fromJson("{\"job_id\":\"j1\",\"success\":true,\"data\":{\"status\":\"queued-for-gpu\"}}",
                JobResponse.class);

        assertEquals("queued-for-gpu", new ResponseDecoder(java.time.Clock.systemUTC()).job("j1", answer).status().value());
    }
}
