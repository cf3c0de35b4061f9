package io.github.pictory4j.images.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class PictureApplication extends Application {
}
