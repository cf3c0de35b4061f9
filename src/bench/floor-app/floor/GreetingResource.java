package floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS resource with a validated JSON body. */
@Path("/greeting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GreetingResource {
    @Inject
    Greeter greeter;

    @GET
    public Greeting get() {
        return greeter.greet();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Greeting post(@Valid Greeting greeting) {
        return greeting;
    }
}
