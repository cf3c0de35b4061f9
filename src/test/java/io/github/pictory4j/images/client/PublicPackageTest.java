package io.github.pictory4j.images.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public package holds the types a user writes or reads, and nothing else: no public signature there names
 * an internal type, MicroProfile Config (but {@link PictoryClient#fromConfig}) or a JSON-B adapter.
 */
class PublicPackageTest {

    private static final String PACKAGE = "io.github.pictory4j.images.client";
    private static final Path SOURCES = Path.of("src/main/java/io/github/pictory4j/images/client");

    @Test
    void noPublicSignatureNamesAnInternalTypeConfigOrAnAdapter() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Member member : publicMembers(type)) {
                for (Type used : signature(member)) {
                    String name = used.getTypeName();
                    boolean internal = name.contains(PACKAGE + ".internal");
                    boolean config = name.contains("org.eclipse.microprofile.config")
                            && !(type == PictoryClient.class && member.getName().equals("fromConfig"));
                    boolean adapter = name.contains("jakarta.json.bind.adapter");
                    if (internal || config || adapter) {
                        leaks.add(type.getSimpleName() + "." + member.getName() + ": " + name);
                    }
                }
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers()) && jakarta.json.bind.adapter.JsonbAdapter.class.isAssignableFrom(nested)) {
                    leaks.add(nested.getName() + " is a public JSON-B adapter");
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void theCheckSeesEveryPublicTypeOfThePackage() throws IOException {
        List<Class<?>> types = publicTypes();
        assertTrue(types.contains(ImageService.class) && types.contains(PictoryClientBuilder.class)
                && types.size() >= 40, types.toString());
    }

    private static List<Class<?>> publicTypes() throws IOException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String simple = file.getFileName().toString().replace(".java", "");
                try {
                    Class<?> type = Class.forName(PACKAGE + "." + simple);
                    if (Modifier.isPublic(type.getModifiers())) {
                        types.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return types;
    }

    private static List<Member> publicMembers(Class<?> type) {
        List<Member> members = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                members.add(method);
            }
        }
        for (var constructor : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(constructor.getModifiers())) {
                members.add(constructor);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers())) {
                members.add(field);
            }
        }
        return members;
    }

    private static List<Type> signature(Member member) {
        List<Type> types = new ArrayList<>();
        if (member instanceof Executable executable) {
            types.addAll(List.of(executable.getGenericParameterTypes()));
            types.addAll(List.of(executable.getGenericExceptionTypes()));
        }
        if (member instanceof Method method) {
            types.add(method.getGenericReturnType());
        }
        if (member instanceof Field field) {
            types.add(field.getGenericType());
        }
        return types;
    }
}
