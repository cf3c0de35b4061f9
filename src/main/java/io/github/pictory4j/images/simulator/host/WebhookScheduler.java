package io.github.pictory4j.images.simulator.host;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a container's managed scheduler is to the simulator in a WAR: the threads that call webhooks. They
 * are daemons, so that a test JVM never waits for them, and run with the simulator's class loader, where
 * JSON-P finds its implementation, whichever thread scheduled them.
 */
final class WebhookScheduler {

    private WebhookScheduler() {
    }

    static ScheduledExecutorService create() {
        ClassLoader simulatorLoader = WebhookScheduler.class.getClassLoader();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "pictory-simulator-webhooks-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(simulatorLoader);
            return thread;
        };
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
