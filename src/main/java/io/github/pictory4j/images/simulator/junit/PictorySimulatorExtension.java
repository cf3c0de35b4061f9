package io.github.pictory4j.images.simulator.junit;

import io.github.pictory4j.images.simulator.control.SimulatorControl;
import io.github.pictory4j.images.simulator.standalone.PictorySimulatorServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts the Pictory simulator in the test's JVM ({@link PictorySimulatorServer}) before a test class's
 * tests, and hands them its {@link SimulatorControl} as a parameter. Registered by {@link PictorySimulatorTest},
 * or as a field, with settings of its own:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PictorySimulatorExtension pictory = new PictorySimulatorExtension().jobDuration(Duration.ofMillis(200));
 * }</pre>
 *
 * <p>Test classes whose settings are the same share one simulator, started once per test run and stopped at
 * its end: a start costs a few hundred milliseconds, and each test gets a control of its own (see
 * {@link #controlForTest}). Each test starts from the simulator's settings, in a scope of its own: no faults,
 * script, jobs or records but its own.
 */
public final class PictorySimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** The job duration of a simulator started by the extension, unless told otherwise. */
    public static final String DEFAULT_JOB_DURATION = "0s";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PictorySimulatorExtension.class);
    private static final String TEST_CONTROL = "control";

    /** The settings given to this instance; empty: those of the class's {@link PictorySimulatorTest}. */
    private final Optional<Map<String, String>> settings;
    private volatile SharedSimulator simulator;

    /** Takes its settings from the test class's {@link PictorySimulatorTest}, or the defaults. */
    public PictorySimulatorExtension() {
        this(Optional.empty());
    }

    private PictorySimulatorExtension(Optional<Map<String, String>> settings) {
        this.settings = settings.map(Map::copyOf);
    }

    /** An extension whose simulator's jobs stay in progress {@code duration}. */
    public PictorySimulatorExtension jobDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return setting(SimulatorSettingsText.JOB_DURATION, SimulatorSettingsText.text(duration));
    }

    /** An extension whose simulator has setting {@code name} (a {@code pictory.simulator.*} property) at {@code value}. */
    public PictorySimulatorExtension setting(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings.orElseGet(SimulatorSettingsText::defaults));
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new PictorySimulatorExtension(Optional.of(more));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> wanted = settings.orElseGet(() -> SimulatorSettingsText.of(annotation(context)));
        simulator = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(wanted, SharedSimulator::start, SharedSimulator.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(TEST_CONTROL, controlForTest(started()));
    }

    /**
     * The control a test gets: a scope of its own on the shared simulator (a key, faults, script, jobs and records
     * of its own), so that tests, in parallel or not, never see each other's and need no reset.
     */
    private static SimulatorControl controlForTest(SimulatorControl simulator) {
        return simulator.newScope();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SimulatorControl forTest = context.getTestMethod().isPresent()
                ? context.getStore(NAMESPACE).get(TEST_CONTROL, SimulatorControl.class) : null;
        return forTest != null ? forTest : started();
    }

    /** The simulator's control (not a test's own): for a {@code @RegisterExtension} field, once the class started. */
    public SimulatorControl control() {
        return started();
    }

    /** The simulator's base URL, once the class started. */
    public URI baseUrl() {
        return started().baseUrl();
    }

    /** The simulator's key, once the class started. */
    public String apiKey() {
        return started().apiKey();
    }

    private SimulatorControl started() {
        SharedSimulator running = simulator;
        if (running == null) {
            throw new IllegalStateException("The simulator starts before the test class's tests: call control(),"
                    + " baseUrl() or apiKey() from a test or a @BeforeAll/@BeforeEach method, and register the"
                    + " extension on a static field");
        }
        return running.server().control();
    }

    private static Optional<PictorySimulatorTest> annotation(ExtensionContext context) {
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent();
             type = Optional.ofNullable(type.get().getEnclosingClass())) {
            Optional<PictorySimulatorTest> found = AnnotationSupport.findAnnotation(type.get(), PictorySimulatorTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A simulator of the test run, stopped when the run ends. */
    private record SharedSimulator(PictorySimulatorServer server) implements ExtensionContext.Store.CloseableResource {

        static SharedSimulator start(Map<String, String> settings) {
            PictorySimulatorServer.Builder builder = PictorySimulatorServer.builder();
            try {
                settings.forEach(builder::setting);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("The simulator's settings: " + e.getMessage(), e);
            }
            return new SharedSimulator(builder.start());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
