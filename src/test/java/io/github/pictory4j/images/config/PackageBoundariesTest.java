package io.github.pictory4j.images.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which package may use which, checked in the sources: the simulator stands for Pictory and must not
 * borrow the client's idea of Pictory; the sample reaches the simulator only over HTTP and through
 * {@link SimulatorKeys}; the client is shipped alone and must not need the sample, the simulator or
 * the shared keys. Imports, static imports, wildcards and fully qualified names all count; strings and
 * comments do not.
 */
class PackageBoundariesTest {

    private static final Path PACKAGES = Path.of("src/main/java/io/github/pictory4j/images");
    /** The simulator's package and its subpackages but {@code control}. */
    private static final String SIMULATOR_SERVER_SIDE = "simulator\\s*\\.\\s*(?:(?!control(?![\\w$]))\\w+|\\*)";

    @Test
    void theSimulatorDoesNotUseTheClient() {
        assertEquals(List.of(), uses("simulator", "client"));
    }

    @Test
    void theSampleDoesNotUseTheSimulator() {
        assertEquals(List.of(), uses("sample", "simulator"));
    }

    @Test
    void theClientUsesNoneOfTheAppsOtherPackages() {
        assertEquals(List.of(), uses("client", "sample"));
        assertEquals(List.of(), uses("client", "simulator"));
        assertEquals(List.of(), uses("client", "config"));
    }

    /**
     * The control API's values and its Java helper run in a test's JVM too, where an app's test has the
     * JDK, the Jakarta EE API and a JSON-P implementation, but no CDI, REST or servlet runtime: nothing
     * there may reach into the simulator's server side or beyond JSON-P.
     */
    @Test
    void theControlHelperUsesOnlyWhatATestsJvmHas() {
        assertEquals(List.of(), uses("simulator/control", SIMULATOR_SERVER_SIDE));
        assertEquals(List.of(), uses("simulator/control", "client"));
        assertEquals(List.of(), uses("simulator/control", "sample"));
        assertEquals(List.of(), importsBeyond("simulator/control", "java.", "jakarta.json.",
                "io.github.pictory4j.images.config.", "io.github.pictory4j.images.simulator.control."));
    }

    @Test
    void importsStaticImportsWildcardsAndQualifiedNamesAreFound() {
        String source = """
                package io.github.pictory4j.images.sample;
                import io.github.pictory4j.images.simulator.SimulatorSettings;
                import static io.github.pictory4j.images.simulator.PictoryCatalog.MODELS;
                import io.github.pictory4j.images.simulator.*;
                class X {
                    Object a = io.github.pictory4j.images.simulator.PictoryCatalog.DEFAULT_MODEL;
                    Object b = io . github . pictory4j . images . simulator . SimulatedJobTable.class;
                }
                """;

        assertEquals(List.of(2, 3, 4, 6, 7), linesUsing(source, "simulator"));
    }

    @Test
    void theSimulatorsServerSideIsFoundButNotTheControlPackage() {
        String source = """
                package io.github.pictory4j.images.simulator.control;
                import io.github.pictory4j.images.simulator.control.Fault;
                import io.github.pictory4j.images.simulator.PictoryJson;
                import io.github.pictory4j.images.simulator.*;
                import io.github.pictory4j.images.simulator.controls.Other;
                class X {
                    Object a = io.github.pictory4j.images.simulator.control.KeyCheck.ACCEPTED;
                }
                """;

        assertEquals(List.of(3, 4, 5), linesUsing(source, SIMULATOR_SERVER_SIDE));
    }

    @Test
    void stringsCommentsAndOtherPackagesAreNotUses() {
        String source = """
                package io.github.pictory4j.images.sample;
                import io.github.pictory4j.images.simulators.Other;
                /** Unlike {@link io.github.pictory4j.images.simulator.SimulatedJobTable}, this ... */
                class X {
                    // io.github.pictory4j.images.simulator.SimulatedJobTable
                    String excluded = "io.github.pictory4j.images.simulator";
                    String quoted = "\\"io.github.pictory4j.images.simulator.SimulatedJobTable\\"";
                    char c = '"'; /* io.github.pictory4j.images.simulator.A */ String text = \"""
                        io.github.pictory4j.images.simulator.B
                        \""";
                }
                """;

        assertEquals(List.of(), linesUsing(source, "simulator"));
    }

    /** {@code File.java:line: import} for each import of the sources of {@code from} that starts with none of {@code allowed}. */
    private static List<String> importsBeyond(String from, String... allowed) {
        Pattern imports = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.$*]+)\\s*;");
        List<String> found = new ArrayList<>();
        for (Path file : sources(from)) {
            String code = withoutCommentsAndStrings(read(file));
            Matcher matcher = imports.matcher(code);
            while (matcher.find()) {
                String imported = matcher.group(1);
                if (Stream.of(allowed).noneMatch(imported::startsWith)) {
                    found.add(PACKAGES.relativize(file) + ": " + imported);
                }
            }
        }
        return found;
    }

    /** {@code File.java:line} for each use of package {@code to} (a regex after {@code images.}) in the sources of {@code from}. */
    private static List<String> uses(String from, String to) {
        List<String> found = new ArrayList<>();
        for (Path file : sources(from)) {
            for (int line : linesUsing(read(file), to)) {
                found.add(PACKAGES.relativize(file) + ":" + line);
            }
        }
        return found;
    }

    private static List<Path> sources(String from) {
        Path root = PACKAGES.resolve(from);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java")).toList();
            assertTrue(sources.size() > 1, "no sources of " + from + " under " + root.toAbsolutePath());
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code source} whose code names package {@code images.<to>} or a type in it; {@code to} is a regex. */
    static List<Integer> linesUsing(String source, String to) {
        Pattern use = Pattern.compile("\\bio\\s*\\.\\s*github\\s*\\.\\s*pictory4j\\s*\\.\\s*images\\s*\\.\\s*"
                + to + "(?![\\w$])");
        String code = withoutCommentsAndStrings(source);
        List<Integer> lines = new ArrayList<>();
        Matcher matcher = use.matcher(code);
        while (matcher.find()) {
            int line = 1 + (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The source with comments and string, text-block and char literals blanked out; line breaks kept. */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = indexOrEnd(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                end = indexOrEnd(source, "*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, "\"\"\"", i + 3) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = closing(source, String.valueOf(source.charAt(i)), i + 1) + 1;
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            end = Math.min(end, source.length());
            for (int j = i; j < end; j++) {
                code.append(source.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return code.toString();
    }

    /** Where the literal that started before {@code from} closes with {@code quote}, skipping escapes. */
    private static int closing(String source, String quote, int from) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int indexOrEnd(String source, String token, int from) {
        int at = source.indexOf(token, from);
        return at < 0 ? source.length() : at;
    }
}
