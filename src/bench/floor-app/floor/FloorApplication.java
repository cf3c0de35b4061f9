package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The smallest application that uses each feature of the sample's server once (see ../README.md). */
@ApplicationPath("/api")
public class FloorApplication extends Application {
}
