package io.github.pictory4j.images.client.internal.cdi;

import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.Spender;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service the container's applications inject: each submission made for an authenticated caller runs as
 * {@code client.chargedTo(caller)}, so that it counts in the caller's user and team budgets; a call
 * that names its spender ({@link ImageService#chargedTo}) is charged as it says.
 */
final class CallerCharging implements InvocationHandler {

    private final PictoryClient client;
    private final Supplier<Optional<Spender>> caller;

    private CallerCharging(PictoryClient client, Supplier<Optional<Spender>> caller) {
        this.client = client;
        this.caller = caller;
    }

    static PictoryClient of(PictoryClient client, Supplier<Optional<Spender>> caller) {
        return (PictoryClient) Proxy.newProxyInstance(PictoryClient.class.getClassLoader(),
                new Class<?>[]{PictoryClient.class}, new CallerCharging(client, caller));
    }

    /** Whether {@code method} submits a job (and so charges someone): it takes a {@link JobRequest}. */
    private static boolean submits(Method method) {
        return Arrays.asList(method.getParameterTypes()).contains(JobRequest.class);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> client.toString();
            };
        }
        PictoryClient target = client;
        if (submits(method)) { // only a submission is charged: reads need no caller, and no view
            Optional<Spender> spender = caller.get();
            if (spender.isPresent()) {
                target = client.chargedTo(spender.get());
            }
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
