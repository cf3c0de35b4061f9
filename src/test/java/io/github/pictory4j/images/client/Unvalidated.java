package io.github.pictory4j.images.client;

import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;

import java.lang.reflect.Proxy;
import java.util.Set;

/** A validator that finds nothing wrong, for tests of what lies behind validation (an unpriced model, say). */
final class Unvalidated {

    private static final ExecutableValidator EXECUTABLES = (ExecutableValidator) Proxy.newProxyInstance(
            Unvalidated.class.getClassLoader(), new Class<?>[] {ExecutableValidator.class},
            (proxy, method, arguments) -> Set.of());

    static final Validator VALIDATOR = (Validator) Proxy.newProxyInstance(Unvalidated.class.getClassLoader(),
            new Class<?>[] {Validator.class}, (proxy, method, arguments) -> {
                if (method.getName().equals("forExecutables")) {
                    return EXECUTABLES;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private Unvalidated() {
    }
}
