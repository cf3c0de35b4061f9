package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.PictoryValue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** {@code GET /api/status}: proves the module is injected and configured, without calling Pictory. */
@Path("/status")
@RequestScoped
public class StatusResource {

    @Inject
    ImageService images;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        List<String> models = ImageModel.knownValues().stream().map(PictoryValue::value).toList();
        return Map.of(
                "apiKeyConfigured", images.hasApiKey(),
                "pollInterval", images.settings().pollInterval().toString(),
                "models", models);
    }
}
