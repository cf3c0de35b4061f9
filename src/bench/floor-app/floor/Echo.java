package floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A MicroProfile REST client interface, as the module declares one for Pictory. */
@RegisterRestClient(configKey = "echo")
@Path("/echo")
public interface Echo {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Greeting echo(Greeting greeting);
}
