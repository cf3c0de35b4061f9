package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.it.CallerProbe;
import io.github.pictory4j.images.it.ProbeErrors;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The consumer app's submissions by its signed-in callers, beside its own API ({@link ConsumerApplication}):
 * {@code /callers/caller/…} needs a login (the WAR's web.xml), {@code /callers/open/…} does not.
 */
@ApplicationPath("/callers")
public class ConsumerCallerApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(CallerProbe.class, ProbeErrors.class, ProbeErrors.Violations.class);
    }
}
