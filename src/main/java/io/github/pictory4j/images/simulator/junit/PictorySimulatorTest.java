package io.github.pictory4j.images.simulator.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Pictory simulator in the test's JVM, on a free port of 127.0.0.1: a test method (or a
 * {@code @BeforeEach}/{@code @BeforeAll} one) takes a
 * {@link io.github.pictory4j.images.simulator.control.SimulatorControl} parameter, whose {@code baseUrl()} and
 * {@code apiKey()} a Pictory client is pointed at. See {@link PictorySimulatorExtension}.
 *
 * <pre>{@code
 * @PictorySimulatorTest
 * class PostersTest {
 *     @Test
 *     void aTitleBecomesAPicture(SimulatorControl pictory) { … }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PictorySimulatorExtension.class)
public @interface PictorySimulatorTest {

    /**
     * How long jobs stay in progress ({@code pictory.simulator.job-duration}): none by default, so that a
     * test waits for nothing it did not ask for; {@code SimulatorControl.jobDuration(…)} changes it in a test.
     */
    String jobDuration() default PictorySimulatorExtension.DEFAULT_JOB_DURATION;

    /** Any other settings of the simulator, as {@code NAME=VALUE}, such as {@code pictory.simulator.max-jobs=50}. */
    String[] settings() default {};
}
