package io.github.pictory4j.images.simulator.host;

import io.github.pictory4j.images.simulator.AssemblyFixtures;
import io.github.pictory4j.images.simulator.SimulatorApplication;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator wired without CDI: every injected field, of every bean, whoever adds one. */
class SimulatorAssemblyTest {

    @Test
    void everyInjectedFieldOfTheSimulatorsResourcesAndTheirBeansIsFilled() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            Config config = new SmallRyeConfigBuilder().build();
            SimulatorAssembly assembly = new SimulatorAssembly(Map.of(Config.class, config,
                    ScheduledExecutorService.class, scheduler));
            Deque<Object> toCheck = new ArrayDeque<>();
            for (Class<?> resource : new SimulatorApplication().getClasses()) {
                toCheck.add(assembly.instanceOf(resource));
            }
            Set<Object> seen = new HashSet<>();
            while (!toCheck.isEmpty()) {
                Object bean = toCheck.pop();
                if (!seen.add(bean)) {
                    continue;
                }
                for (Field field : bean.getClass().getDeclaredFields()) {
                    if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(Resource.class)) {
                        field.setAccessible(true);
                        Object value = field.get(bean);
                        assertNotNull(value, bean.getClass().getSimpleName() + "." + field.getName());
                        assertSame(assembly.instanceOf(field.getType()), value, "one instance per class");
                        toCheck.add(value);
                    }
                }
            }
            assertTrue(seen.size() > 8, "the resources and their beans: " + seen.size());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void beansThatInjectEachOtherAreWiredAndStarted() {
        SimulatorAssembly assembly = new SimulatorAssembly(Map.of());
        AssemblyFixtures.Left left = assembly.instanceOf(AssemblyFixtures.Left.class);
        assertSame(left, left.right().left());
        assertTrue(left.started(), "@PostConstruct ran once the fields were filled");
    }

    @Test
    void aFieldWithoutAnInstanceFailsNamingIt() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new SimulatorAssembly(Map.of()).instanceOf(AssemblyFixtures.NeedsAClock.class));
        assertTrue(missing.getMessage().startsWith("Cannot fill NeedsAClock.clock: java.time.Clock has no instance"),
                missing.getMessage());
    }
}
