package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.it.ProbeErrors;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The consumer app of the runtime suite: what a user writes from the README's "Use it in your app". It
 * lists its classes, so that the simulator's resources, in the same WAR, are not served here too.
 */
@ApplicationPath("/consumer")
public class ConsumerApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConsumerResource.class, ConsumerWebhook.class, ProbeErrors.class,
                ProbeErrors.Violations.class);
    }
}
