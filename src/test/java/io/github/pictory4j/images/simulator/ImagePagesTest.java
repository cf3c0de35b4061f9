package io.github.pictory4j.images.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImagePagesTest {

    private static List<SimulatedJob> newestFirst(int count) {
        List<SimulatedJob> jobs = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            jobs.add(Jobs.job("job-" + i, i, "A prompt"));
        }
        return jobs;
    }

    @Test
    void walksEveryImageOnceNewestFirst() {
        List<SimulatedJob> all = newestFirst(5);

        ImagePages.Page first = ImagePages.page(all, null, 2);
        ImagePages.Page second = ImagePages.page(all, first.nextPageKey(), 2);
        ImagePages.Page last = ImagePages.page(all, second.nextPageKey(), 2);

        assertEquals(List.of("job-5", "job-4"), ids(first));
        assertEquals(List.of("job-3", "job-2"), ids(second));
        assertEquals(List.of("job-1"), ids(last));
        assertNull(last.nextPageKey());
    }

    @Test
    void aFullLastPageHasNoNextKey() {
        ImagePages.Page only = ImagePages.page(newestFirst(2), null, 2);

        assertEquals(2, only.items().size());
        assertNull(only.nextPageKey());
        assertNull(ImagePages.page(List.of(), null, 2).nextPageKey());
        assertNull(ImagePages.page(List.of(), "", 2).nextPageKey());
    }

    @Test
    void newImagesDoNotShiftTheNextPage() {
        ImagePages.Page first = ImagePages.page(newestFirst(4), null, 2);
        assertNotNull(first.nextPageKey());

        ImagePages.Page second = ImagePages.page(newestFirst(6), first.nextPageKey(), 2);

        assertEquals(List.of("job-2", "job-1"), ids(second));
    }

    @Test
    void aKeyWeDidNotGiveIsABadRequest() {
        for (String key : List.of("nope!", "bm9wZQ", "c2VxOng")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> ImagePages.page(newestFirst(3), key, 2), key);
            assertEquals("nextPageKey", e.fields().get(0).name());
        }
    }

    private static List<String> ids(ImagePages.Page page) {
        return page.items().stream().map(SimulatedJob::id).toList();
    }
}
