package io.github.pictory4j.images.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pages of the image listing. A page key names the last image a page showed, so that paging stays
 * right while new images arrive or old ones are cleaned (an offset would skip or repeat images).
 */
public final class ImagePages {

    private ImagePages() {
    }

    /**
     * One page.
     *
     * @param nextPageKey null on the last page
     */
    public record Page(List<SimulatedJob> items, String nextPageKey) {
    }

    /**
     * The page of {@code newestFirst} after {@code pageKey} (the first page when null or empty).
     *
     * @throws InvalidRequestException when the key is not one this simulator gave out
     */
    public static Page page(List<SimulatedJob> newestFirst, String pageKey, int pageSize) {
        long after = pageKey == null || pageKey.isEmpty() ? Long.MAX_VALUE : decode(pageKey);
        List<SimulatedJob> rest = newestFirst.stream().filter(job -> job.sequence() < after).toList();
        if (rest.size() <= pageSize) {
            return new Page(rest, null);
        }
        List<SimulatedJob> items = rest.subList(0, pageSize);
        return new Page(items, encode(items.get(items.size() - 1).sequence()));
    }

    static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String pageKey) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(pageKey), StandardCharsets.UTF_8);
            if (text.startsWith("seq:")) {
                return Long.parseLong(text.substring(4));
            }
        } catch (IllegalArgumentException notOurs) {
            // reported below; NumberFormatException is an IllegalArgumentException too
        }
        throw new InvalidRequestException(InvalidRequestException.INVALID_QUERY, "Invalid query: nextPageKey",
                List.of(new InvalidField("nextPageKey",
                        "must be a nextPageKey from a previous page")));
    }
}
