package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.PictoryClient;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.executable.ExecutableValidator;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * Checks every call against the constraints the contract ({@link io.github.pictory4j.images.client.ImageService})
 * declares, before the implementation runs: a method added to the contract is validated with no list to keep.
 * The violations name {@code method.parameter.field}, such as {@code submit.request.prompt}, as a container's
 * validation interceptor does.
 */
public final class ContractValidation implements InvocationHandler {

    private final PictoryClient target;
    private final ExecutableValidator validator;

    private ContractValidation(PictoryClient target, ExecutableValidator validator) {
        this.target = target;
        this.validator = validator;
    }

    /** {@code target}, reached only after its arguments passed the contract's constraints. */
    public static PictoryClient of(PictoryClient target, ExecutableValidator validator) {
        return (PictoryClient) Proxy.newProxyInstance(PictoryClient.class.getClassLoader(),
                new Class<?>[] {PictoryClient.class}, new ContractValidation(target, validator));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> target.toString();
            };
        }
        if (arguments != null) {
            Set<ConstraintViolation<PictoryClient>> violations = validator.validateParameters(target, method, arguments);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        try {
            Object result = method.invoke(target, arguments);
            // A view of the service (chargedTo) is checked against the same contract.
            return result instanceof PictoryClient view && view != target ? of(view, validator) : result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
