package io.github.pictory4j.images.simulator.host;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's object graph without CDI: one instance of each simulator class that is asked for or
 * injected, with every {@code @Inject} and {@code @Resource} field filled, then its {@code @PostConstruct}
 * method run, as CDI would for the {@code @ApplicationScoped} beans. The fields are found by reflection
 * rather than listed, so that a bean or field added to the simulator is wired here without a change.
 *
 * <p>A field whose type is neither a concrete class of the simulator's package (created here) nor one of
 * the given instances (the configuration, the scheduler) fails the assembly at once, naming the field.
 */
final class SimulatorAssembly {

    /** The package whose concrete classes the assembly creates itself. */
    static final String SIMULATOR_PACKAGE = "io.github.pictory4j.images.simulator";

    private final Map<Class<?>, Object> instances = new HashMap<>();

    /** @param given instances by the type their fields are declared with, such as {@code Config} */
    SimulatorAssembly(Map<Class<?>, Object> given) {
        given.forEach((type, instance) -> instances.put(type, type.cast(instance)));
    }

    /** The one instance of {@code type}, created and wired on first use. */
    <T> T instanceOf(Class<T> type) {
        Object known = instances.get(type);
        if (known != null) {
            return type.cast(known);
        }
        if (!isCreatable(type)) {
            throw new IllegalStateException(type.getName() + " has no instance in the standalone simulator: only"
                    + " concrete classes of " + SIMULATOR_PACKAGE + " are created; give SimulatorAssembly an instance"
                    + " of it (see SimulatorHost)");
        }
        T created = construct(type);
        instances.put(type, created); // before its fields: two beans may inject each other, as CDI allows
        fill(created);
        return created;
    }

    private static boolean isCreatable(Class<?> type) {
        return type.getPackageName().equals(SIMULATOR_PACKAGE) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers()) && !type.isEnum() && !type.isRecord();
    }

    private static <T> T construct(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " needs a no-argument constructor to run in the"
                    + " standalone simulator (as a CDI bean with @Inject fields has)", e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("Could not create " + type.getName() + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Creating " + type.getName() + " failed: " + e.getCause(), e.getCause());
        }
    }

    private void fill(Object bean) {
        for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(Resource.class)) {
                    set(bean, field, dependency(field));
                }
            }
        }
        for (Method method : bean.getClass().getDeclaredMethods()) {
            if (method.isAnnotationPresent(PostConstruct.class)) {
                invoke(bean, method);
            }
        }
    }

    private Object dependency(Field field) {
        try {
            return instanceOf(field.getType());
        } catch (IllegalStateException missing) {
            throw new IllegalStateException("Cannot fill " + field.getDeclaringClass().getSimpleName() + "."
                    + field.getName() + ": " + missing.getMessage(), missing);
        }
    }

    private static void set(Object bean, Field field, Object value) {
        try {
            field.setAccessible(true);
            field.set(bean, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot fill " + field + ": " + e, e);
        }
    }

    private static void invoke(Object bean, Method method) {
        try {
            method.setAccessible(true);
            method.invoke(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + " failed: " + e.getCause(), e.getCause());
        }
    }
}
