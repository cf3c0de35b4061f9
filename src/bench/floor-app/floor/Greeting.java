package floor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A JSON-B body with Bean Validation constraints. */
public record Greeting(@NotBlank @Size(max = 100) String text) {
}
