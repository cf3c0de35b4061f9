package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;

/**
 * Ready when the module's configuration is complete: a key, a usable base URL, valid settings. It
 * never calls Pictory: readiness probes run often, and every call to Pictory is rate limited.
 */
@Readiness
@ApplicationScoped
public class PictoryReadiness implements HealthCheck {

    @Inject
    ImageService images;

    @Inject
    Config config;

    @Override
    public HealthCheckResponse call() {
        String baseUrl = SampleMode.baseUrl(config);
        var response = HealthCheckResponse.named("pictory-configuration")
                .withData("mode", SampleMode.of(config).label())
                .withData("baseUrl", baseUrl)
                .withData("apiKeyConfigured", images.hasApiKey());
        try {
            images.settings();
            boolean usableUrl = URI.create(baseUrl).isAbsolute();
            return response.status(images.hasApiKey() && usableUrl).build();
        } catch (RuntimeException broken) { // a PictoryConfigurationException, or the bean failing to start
            return response.withData("problem", broken.getMessage()).down().build();
        }
    }
}
