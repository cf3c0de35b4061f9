package io.github.pictory4j.images.simulator.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extracting the nested runtime: once, to a directory named after its contents, reused while whole. */
class NestedRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void itIsExtractedOnceAndReusedThenRepairedWhenAFileWentMissing() throws IOException {
        NestedRuntime runtime = runtimeOf(jar("a.jar", "library"));
        Path home = runtime.extractedUnder(dir.resolve("tmp"));
        Path library = home.resolve("lib/a.jar");
        assertEquals("library", Files.readString(library));
        assertEquals("simulator", Files.readString(home.resolve("classes/S.class")));

        Files.writeString(home.resolve("marker"), "kept");
        assertEquals(home, runtime.extractedUnder(dir.resolve("tmp")));
        assertTrue(Files.exists(home.resolve("marker")), "a whole copy is reused, not written again");

        Files.delete(library); // as a temp-dir cleaner might
        assertEquals(home, runtime.extractedUnder(dir.resolve("tmp")));
        assertEquals("library", Files.readString(library), "an incomplete copy is written anew");
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(1, left.count(), "no half-written directories are left behind");
        }
    }

    @Test
    void otherContentsGoToAnotherDirectory() throws IOException {
        Path first = runtimeOf(jar("a.jar", "library")).extractedUnder(dir.resolve("tmp"));
        Path second = runtimeOf(jar("a.jar", "library, changed")).extractedUnder(dir.resolve("tmp"));
        assertNotEquals(first, second);
    }

    private Path jar(String library, String content) throws IOException {
        Path jar = Files.createTempFile(dir, "standalone", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            write(out, "io/github/Top.class", "top");
            write(out, NestedRuntime.INDEX + "classes/S.class", "simulator");
            write(out, NestedRuntime.INDEX + "lib/" + library, content);
        }
        return jar;
    }

    private static void write(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream entry = out;
        entry.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static NestedRuntime runtimeOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> nested = file.stream().filter(entry -> entry.getName().startsWith(NestedRuntime.INDEX)).toList();
            return new NestedRuntime(jar, nested);
        }
    }
}
