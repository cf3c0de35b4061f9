package floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A CDI bean configured through MicroProfile Config. */
@ApplicationScoped
public class Greeter {
    @Inject
    @ConfigProperty(name = "floor.greeting", defaultValue = "hello")
    String greeting;

    Greeting greet() {
        return new Greeting(greeting);
    }
}
