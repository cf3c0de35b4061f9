package io.github.pictory4j.images.client.internal.cdi;

import io.github.pictory4j.images.client.ImageService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.logging.Logger;

/**
 * Creates {@link ImageService} when the web application starts, not at its first use: with a durable store,
 * the jobs an earlier run left unfinished are followed again, and their ends announced, at once. The
 * container registers it from its annotation; apps never name it.
 *
 * <p>A listener rather than a CDI observer of {@code @Initialized(ApplicationScoped.class)} or {@code Startup}:
 * Payara fires those for a bean archive in {@code WEB-INF/lib} before the web module's {@code java:comp/env}
 * and {@code java:app} names are bound, so the service's {@code @Resource} scheduler and the app's own data
 * source could not be found, and the deployment failed. A listener runs once the module is started, on every
 * runtime.
 */
@WebListener
public final class ImageServiceStartup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ImageServiceStartup.class.getName());

    @Inject
    ImageService images;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // Any call creates the application-scoped bean behind the proxy.
        boolean durable = images.durable();
        LOG.fine(() -> "pictory4j started: " + (durable ? "durable job store" : "jobs kept in memory"));
    }
}
