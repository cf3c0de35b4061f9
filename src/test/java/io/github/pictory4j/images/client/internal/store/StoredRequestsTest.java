package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored request reads back as it was written, open values (and ones this release does not know) included. */
class StoredRequestsTest {

    @Test
    void everyFieldRoundTrips() {
        ImageRequest request = new ImageRequest("A lighthouse at dawn, \"quoted\"\nand on two lines", ImageModel.of("model-of-2030"),
                AspectRatio.of("16:9"), ImageStyle.of("watercolour"), "https://example.com/ref.png",
                "https://example.com/hook");

        StoredRequests.Stored stored = StoredRequests.encode(request);

        assertEquals("image", stored.kind());
        assertTrue(stored.json().contains("\"model\":\"model-of-2030\""), stored.json());
        assertEquals(request, StoredRequests.decode(stored.kind(), stored.json()));
    }

    @Test
    void absentFieldsStayAbsentAndNoRequestIsNull() {
        ImageRequest prompt = new ImageRequest("Only a prompt", null, null, null, null, null);
        assertEquals(prompt, StoredRequests.decode("image", StoredRequests.encode(prompt).json()));
        assertNull(StoredRequests.decode(null, null), "a job only waited for");
    }

    @Test
    void aKindOfALaterReleaseIsRefusedWithTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StoredRequests.decode("video", "{}"));
        assertTrue(e.getMessage().contains("upgrade pictory4j"), e.getMessage());
    }
}
