package io.github.pictory4j.images.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test app that uses the client jar the way an enterprise app would. */
@ApplicationPath("/probe")
public class ProbeApplication extends Application {
}
