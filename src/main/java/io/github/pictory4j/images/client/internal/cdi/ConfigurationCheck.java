package io.github.pictory4j.images.client.internal.cdi;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the module's settings when the application starts, so that a malformed duration, a negative
 * retry count or a short webhook secret fails the deployment with a message naming the property and
 * its environment variable, instead of the first call minutes later. A missing API key is not a
 * problem here: it is read at each call, and an app may set it later.
 */
public class ConfigurationCheck implements Extension {

    void check(@Observes AfterDeploymentValidation deployment) {
        try {
            check(ConfigProvider.getConfig());
        } catch (PictoryConfigurationException invalid) {
            deployment.addDeploymentProblem(invalid);
        }
    }

    /** @throws PictoryConfigurationException for the first unusable setting */
    public static void check(Config config) {
        PictoryConfig.read(config);
    }
}
