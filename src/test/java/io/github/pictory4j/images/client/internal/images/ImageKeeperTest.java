package io.github.pictory4j.images.client.internal.images;

import io.github.pictory4j.images.client.internal.Await;
import io.github.pictory4j.images.client.internal.store.ImageVault;
import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image keeper's download lane, on real threads: downloads held open by the test show how many
 * run at once. Nothing here depends on how long anything takes; the test waits for states, and
 * releases the downloads itself.
 */
class ImageKeeperTest {

    private static final int LIMIT = 2;
    private static final StoreSettings TWO_AT_ONCE = new StoreSettings(null, true, StoreSettings.DEFAULT.imageMaxBytes(),
            Duration.ofSeconds(60), 8, LIMIT, Duration.ofMinutes(10), Duration.ZERO);

    /** More threads than downloads, as a container's pool would have: only the lane can hold them back. */
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(16);
    private final Scheduling scheduling = new Scheduling(threads, Clock.systemUTC(), Telemetry.NONE, 16);
    private final HeldDownloads downloads = new HeldDownloads();
    private final FakeVault vault = new FakeVault();
    private final ImageKeeper keeper = new ImageKeeper(vault, downloads, scheduling, TWO_AT_ONCE, "instance-a", Telemetry.NONE);

    @AfterEach
    void stop() {
        downloads.gate.release(1000);
        scheduling.close();
        threads.shutdownNow();
        downloads.close();
    }

    @Test
    void noMoreDownloadsRunAtOnceThanTheSettingAllowsAndTheOthersWaitTheirTurnHoldingNoThread() {
        IntStream.range(0, 10).forEach(n -> keeper.keepSoon("job-" + n));

        assertEquals(new ImageKeeper.Load(LIMIT, 8), keeper.load(), "two run, eight wait in the queue");
        Await.until(() -> downloads.arrived.get() == LIMIT, "the first two downloads started");
        for (int released = 1; released <= 8; released++) {
            downloads.gate.release();
            int started = LIMIT + released;
            Await.until(() -> downloads.arrived.get() == started, "download " + started + " started after one ended");
            assertEquals(LIMIT, downloads.inFlight.get(), "one ended, the next waiting one took its place");
        }
        downloads.gate.release(LIMIT);
        Await.until(() -> vault.kept.size() == 10, "all ten images kept");

        assertEquals(LIMIT, downloads.mostAtOnce.get(), "never more than " + LIMIT + " downloads at once");
        Await.until(() -> keeper.load().equals(new ImageKeeper.Load(0, 0)), "the lane is empty again");
        assertEquals(Set.of("job-0", "job-1"), Set.copyOf(downloads.order.subList(0, 2)), "in the order the jobs completed");
        assertEquals(List.of("job-2", "job-3", "job-4", "job-5", "job-6", "job-7", "job-8", "job-9"),
                downloads.order.subList(2, 10));
    }

    @Test
    void imagesTheSweepFindsDueWaitInTheSameLaneAndAJobQueuedTwiceIsDownloadedOnce() {
        vault.due.addAll(List.of("job-a", "job-b", "job-c", "job-d"));
        keeper.keepSoon("job-a"); // completed just now, and due in the database too
        keeper.keepSoon("job-b");
        keeper.keepSoon("job-c");

        keeper.start(); // the sweep finds a, b, c, d due
        Await.until(() -> keeper.load().equals(new ImageKeeper.Load(LIMIT, 2)), "a and b run; c and d wait, each once");
        downloads.gate.release(1000);
        Await.until(() -> vault.kept.size() == 4, "all four kept");

        assertEquals(4, downloads.arrived.get(), "each image downloaded once");
        assertEquals(LIMIT, downloads.mostAtOnce.get());
    }

    @Test
    void aFailedDownloadFreesItsTurnForTheNext() {
        downloads.failing.add("job-0");
        IntStream.range(0, 3).forEach(n -> keeper.keepSoon("job-" + n));
        downloads.gate.release(1000);

        Await.until(() -> vault.kept.size() == 2 && vault.failures.containsKey("job-0"), "job-0 failed, 1 and 2 kept");
        Await.until(() -> keeper.load().equals(new ImageKeeper.Load(0, 0)), "no turn is held by the failure");
    }

    @Test
    void theSettingIsCheckedWithItsNameAndAnExample() {
        PictoryConfigurationException zero = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.store(config(Map.of(StoreSettings.IMAGE_DOWNLOADS, "0"))));
        assertEquals("pictory.store.image-downloads (env PICTORY_STORE_IMAGE_DOWNLOADS) must be from 1 to 1000, such as 4",
                zero.getMessage());
        assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.store(config(Map.of(StoreSettings.IMAGE_DOWNLOADS, "4294967297"))),
                "a number past int's range is refused, not wrapped to 1");
        assertEquals(4, PictoryConfig.store(config(Map.of())).imageDownloads(), "4 unless set");
        assertEquals(Integer.MAX_VALUE, PictoryConfig.store(config(Map.of(StoreSettings.IMAGE_ATTEMPTS, "4294967297")))
                .imageAttempts(), "attempts past int's range are not wrapped to 1");
        assertEquals(12, PictoryConfig.store(config(Map.of(StoreSettings.IMAGE_DOWNLOADS, " 12 "))).imageDownloads());
    }

    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(ImageKeeperTest.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downloads that start at once and end only when the test releases one; it counts them as they run. */
    private static final class HeldDownloads extends ImageDownloader {
        final Semaphore gate = new Semaphore(0);
        final AtomicInteger arrived = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final byte[] png = png();

        HeldDownloads() {
            super(Duration.ofSeconds(5));
        }

        @Override
        public InputStream open(String url) throws IOException {
            String jobId = url.substring(url.lastIndexOf('/') + 1);
            order.add(jobId);
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            arrived.incrementAndGet();
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.decrementAndGet();
                throw new IOException("interrupted");
            }
            if (failing.contains(jobId)) {
                inFlight.decrementAndGet();
                throw new IOException("the image link answered 500");
            }
            return new FilterInputStream(new ByteArrayInputStream(png)) {
                @Override
                public void close() throws IOException {
                    inFlight.decrementAndGet();
                    super.close();
                }
            };
        }
    }

    /** A vault in memory: every image is due until kept; a claim holds it for one download. */
    private static final class FakeVault implements ImageVault {
        final List<String> due = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Set<String> claimed = ConcurrentHashMap.newKeySet();
        final Map<String, Long> kept = new ConcurrentHashMap<>();
        final Map<String, String> failures = new ConcurrentHashMap<>();

        @Override
        public List<String> due(Instant now, int limit) {
            return due.stream().filter(jobId -> !kept.containsKey(jobId)).limit(limit).toList();
        }

        @Override
        public Optional<Download> claim(String jobId, String owner, Instant now, Instant until) {
            if (kept.containsKey(jobId) || failures.containsKey(jobId) || !claimed.add(jobId)) {
                return Optional.empty();
            }
            return Optional.of(new Download(jobId, "http://images.test/" + jobId, 0));
        }

        @Override
        public void keep(String jobId, PngCheck png, Instant now) throws IOException {
            kept.put(jobId, (long) png.readAllBytes().length + png.header().length);
            claimed.remove(jobId);
        }

        @Override
        public void failed(String jobId, String problem, Instant retryAt, Instant now) {
            failures.put(jobId, problem);
            claimed.remove(jobId);
        }

        @Override
        public Optional<io.github.pictory4j.images.client.KeptImage> find(String jobId) {
            return Optional.empty();
        }
    }
}
