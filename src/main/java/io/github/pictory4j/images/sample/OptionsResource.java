package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.PictoryValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.util.List;

/** What the form offers: the module's models with their prices and ratios, the styles, the prompt bounds. */
@Path("/options")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OptionsResource {

    @Inject
    Config config;

    /** One model as the form shows it. */
    public record ModelOption(String value, BigDecimal credits, List<String> aspectRatios,
                              @JsonbProperty("default") boolean isDefault) {
    }

    /** The prompt's length bounds. */
    public record PromptBounds(int min, int max) {
    }

    /** Everything the form needs. */
    public record Options(List<ModelOption> models, List<String> styles, PromptBounds prompt, String mode) {
    }

    @GET
    @Operation(summary = "Models (with credit prices and aspect ratios), styles and prompt bounds")
    public Options options() {
        List<ModelOption> models = ImageModel.knownValues().stream()
                .map(model -> new ModelOption(model.value(), model.creditsPerImage().orElse(null),
                        model.supportedAspectRatios().stream().map(AspectRatio::value).toList(),
                        model.equals(ImageModel.defaultModel())))
                .toList();
        List<String> styles = ImageStyle.knownValues().stream().map(PictoryValue::value).toList();
        return new Options(models, styles, new PromptBounds(5, 5000), SampleMode.of(config).label());
    }
}
