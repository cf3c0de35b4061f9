package io.github.pictory4j.images.client;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CDI bean and the plain-Java client are one contract: {@link ImageService} declares every operation and its
 * constraints, {@link PictoryClient} adds only {@code close()} and the narrower futures, and the validation of a
 * call follows from the contract, for every method, with no list of methods kept anywhere.
 */
class ApiContractTest {

    private static PictoryClient client;

    @BeforeAll
    static void build() {
        // Nothing listens here: a call that got past validation would fail to connect, not pass.
        client = PictoryClient.builder().apiKey(RestClients.KEY).baseUrl("http://127.0.0.1:9/pictoryapis")
                .settings(new PictorySettings(Duration.ofSeconds(1), Duration.ofSeconds(1), RetryPolicy.none())).build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void thePlainJavaClientAddsNothingToTheContractButClose() {
        Set<String> contract = signatures(ImageService.class.getMethods());
        Set<String> client = signatures(PictoryClient.class.getMethods());

        client.removeAll(contract);
        assertEquals(Set.of("close()"), client, "public methods of PictoryClient that ImageService lacks");
    }

    @Test
    void theAsynchronousFormsOfThePlainJavaClientAreFutures() throws NoSuchMethodException {
        for (Method method : ImageService.class.getMethods()) {
            if (method.getName().endsWith("Async")) {
                Method narrowed = PictoryClient.class.getMethod(method.getName(), method.getParameterTypes());
                assertEquals(java.util.concurrent.CompletableFuture.class, narrowed.getReturnType(), method.getName());
            }
        }
    }

    /**
     * Every parameter but a callback's (which answers false to anything not genuine) is constrained in the contract,
     * and the client refuses a bad value for it, naming the method and the parameter, before anything is sent.
     */
    @Test
    void everyParameterOfEveryOperationIsCheckedByTheClient() {
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (Method method : ImageService.class.getMethods()) {
            Class<?>[] types = method.getParameterTypes();
            for (int bad = 0; bad < types.length; bad++) {
                if (method.getName().equals("acceptCallback")) {
                    continue;
                }
                Object[] arguments = new Object[types.length];
                for (int i = 0; i < types.length; i++) {
                    arguments[i] = i == bad ? invalid(types[i]) : valid(types[i]);
                }
                String parameter = method.getName() + "." + method.getParameters()[bad].getName();
                Set<String> paths = violationPaths(method, arguments);
                if (paths.stream().noneMatch(path -> path.startsWith(parameter))) {
                    unchecked.add(parameter + " (" + paths + ")");
                }
                checked++;
            }
        }
        assertEquals(List.of(), unchecked, "parameters the client let through");
        assertTrue(checked >= 17, checked + " parameters checked");
    }

    @Test
    void aCallbackWithAnythingButAGenuineTokenIsRefusedWithoutAnError() {
        assertFalse(client.acceptCallback(null, null));
        assertFalse(client.acceptCallback("forged", "job-1"));
    }

    private static Set<String> violationPaths(Method method, Object[] arguments) {
        try {
            method.invoke(client, arguments);
            fail(method.getName() + Arrays.toString(arguments) + " was not refused");
            return Set.of();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConstraintViolationException violations) {
                return violations.getConstraintViolations().stream().map(ConstraintViolation::getPropertyPath)
                        .map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
            }
            return Set.of("not a violation: " + e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Object invalid(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == String.class) {
            return null;
        }
        if (type == ImageRequest.class || type == JobRequest.class) {
            return ImageRequest.builder("abc").build();
        }
        if (type == BudgetSettings.Limits.class) {
            return new BudgetSettings.Limits(java.math.BigDecimal.valueOf(-1), null);
        }
        return null;
    }

    private static Object valid(Class<?> type) {
        if (type == int.class) {
            return 10;
        }
        if (type == String.class) {
            return "job-1";
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == ImageRequest.class || type == JobRequest.class) {
            return ImageRequest.builder("A lighthouse at dawn").build();
        }
        if (type == Spender.class) {
            return Spender.user("alice");
        }
        if (type == BudgetScope.class) {
            return BudgetScope.user("alice");
        }
        if (type == BudgetScope.Kind.class) {
            return BudgetScope.Kind.USER;
        }
        if (type == BudgetSettings.Limits.class) {
            return new BudgetSettings.Limits(java.math.BigDecimal.ONE, null);
        }
        throw new AssertionError("no valid value of " + type);
    }

    private static Set<String> signatures(Method[] methods) {
        return Arrays.stream(methods).filter(method -> !Modifier.isStatic(method.getModifiers()))
                .map(method -> method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
