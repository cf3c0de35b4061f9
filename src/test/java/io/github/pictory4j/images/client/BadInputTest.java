package io.github.pictory4j.images.client;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input table against the Java API: the constraints on {@link ImageService#submit} report
 * each case on the right field, as the container's method validation will (see ImageServiceIT).
 */
class BadInputTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final ExecutableValidator validator = FACTORY.getValidator().forExecutables();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static List<BadInputs.Case> cases() {
        return BadInputs.cases(true);
    }

    @Test
    void theTableHasAtLeastThirtyCases() {
        assertTrue(cases().size() >= 30, cases().size() + " cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseNamesItsField(BadInputs.Case badInput) throws NoSuchMethodException {
        Method submit = ImageService.class.getMethod("submit", JobRequest.class);

        Set<ConstraintViolation<ImageService>> violations =
                validator.validateParameters(unreachable(), submit, new Object[]{badInput.toRequest()});

        Set<String> named = new TreeSet<>();
        for (ConstraintViolation<ImageService> violation : violations) {
            String leaf = null;
            for (Path.Node node : violation.getPropertyPath()) {
                leaf = node.getName();
            }
            named.add(leaf);
            assertTrue(violation.getPropertyPath().toString().startsWith("submit.request."), violation.getPropertyPath().toString());
            assertTrue(!violation.getMessage().isBlank());
        }
        assertEquals(new TreeSet<>(badInput.expected()), named, violations.toString());
    }

    /** An {@link ImageService} that validation may inspect but nothing may call. */
    private static ImageService unreachable() {
        return (ImageService) java.lang.reflect.Proxy.newProxyInstance(ImageService.class.getClassLoader(),
                new Class<?>[] {ImageService.class}, (proxy, method, arguments) -> {
                    throw new AssertionError("called " + method.getName());
                });
    }
}
