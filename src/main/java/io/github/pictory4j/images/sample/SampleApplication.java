package io.github.pictory4j.images.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

import java.util.Set;

/**
 * The sample's REST API, under {@code /api}. It lists its classes so that the simulator's resources,
 * in the same WAR, are not served here too.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "pictory4j sample API", version = "1.0",
        description = "Generate images with Pictory through the pictory4j module.",
        license = @License(name = "Apache-2.0")))
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ImagesResource.class, OptionsResource.class, UsageResource.class, JobEvents.class, SampleWebhook.class,
                SessionResource.class, AdminResource.class, ValidationErrors.class, PictoryErrors.class,
                RequestErrors.UnreadableBody.class, RequestErrors.InvalidBody.class, RequestErrors.HttpErrors.class,
                RequestErrors.Unexpected.class, RequestSizeLimit.class);
    }
}
