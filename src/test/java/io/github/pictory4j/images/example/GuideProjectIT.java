package io.github.pictory4j.images.example;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The test kit's guide (src/docs/test-kit.md) runs as written. Its example's files, each a fenced block after a
 * {@code <!-- file: PATH -->} line, are copied into an empty directory and built there with Maven, as a new user
 * would, against this build's jars (the pom installs them in the local repository before the integration tests).
 * Every test of the guide must run and pass; then {@code mvn dependency:sources} in that project finds the
 * module's sources, and the Javadoc is found the same way.
 */
class GuideProjectIT {

    private static final Path GUIDE = Path.of("src/docs/test-kit.md");
    private static final Path PROJECT = Path.of("target/test-kit-guide").toAbsolutePath();
    private static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final List<String> FILES = List.of("pom.xml", "src/main/liberty/config/server.xml",
            "src/test/resources/arquillian.xml");

    private static Map<String, String> files;

    @BeforeAll
    static void copyTheGuidesFilesIntoAnEmptyDirectory() throws IOException {
        files = guideFiles(Files.readString(GUIDE));
        assertTrue(files.keySet().containsAll(FILES), "the guide shows " + FILES + ", not only " + files.keySet());
        assertTrue(files.keySet().stream().anyMatch(path -> path.startsWith("src/test/java/") && path.endsWith("IT.java")),
                "the guide shows a test that failsafe runs: " + files.keySet());
        deleteRecursively(PROJECT);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = PROJECT.resolve(file.getKey()).normalize();
            assertTrue(target.startsWith(PROJECT), file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    @Test
    void theGuidesProjectBuildsAndEveryTestOfItRunsAndPasses() throws Exception {
        String version = System.getProperty("pictory.version");
        assertTrue(files.get("pom.xml").contains("<pictory4j.version>" + version + "</pictory4j.version>"),
                "the guide's pom depends on this version, " + version);

        run("build", "verify");

        Path report = PROJECT.resolve("target/failsafe-reports/failsafe-summary.xml");
        assertTrue(Files.exists(report), "the guide's build ran no integration tests (no " + report + ")");
        String summary = Files.readString(report);
        assertEquals(testsInTheGuide(), count(summary, "completed"), "every test of the guide ran:\n" + summary);
        for (String none : List.of("errors", "failures", "skipped")) {
            assertEquals(0, count(summary, none), none + ":\n" + summary);
        }
    }

    @Test
    void theGuidesProjectFindsTheModulesSourcesAndJavadoc() throws Exception {
        String listed = PROJECT.resolve("target/extras.txt").toString();
        run("extras", "dependency:sources", "dependency:resolve", "-Dclassifier=javadoc",
                "-DincludeGroupIds=io.github.pictory4j", "-DappendOutput=true", "-DoutputFile=" + listed);

        String resolved = Files.readString(Path.of(listed));
        String version = System.getProperty("pictory.version");
        for (String classifier : List.of("sources", "javadoc")) {
            String artifact = "io.github.pictory4j:pictory-images:jar:" + classifier + ":" + version;
            assertTrue(resolved.lines().anyMatch(line -> line.strip().startsWith(artifact)),
                    "resolved " + artifact + ":\n" + resolved);
        }
    }

    /** Maven, as this build runs it (its installation, local repository and offline mode), in the guide's project. */
    private static void run(String name, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("test-kit.maven.home", "");
        command.add(home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        command.add("-B");
        if (Boolean.getBoolean("test-kit.maven.offline")) {
            command.add("-o");
        }
        String repository = System.getProperty("test-kit.maven.repo.local", "");
        if (!repository.isEmpty()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(goals));

        Path log = PROJECT.resolve(name + ".log");
        Files.writeString(log, String.join(" ", command) + "\n");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // A new user's environment: none of this build's settings for its own servers.
        builder.environment().keySet().removeIf(variable -> variable.equals("HTTP_PORT") || variable.startsWith("PICTORY_"));
        Process maven = builder.start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
            fail(String.join(" ", command) + " took over 10 minutes; its output: " + log);
        }
        assertEquals(0, maven.exitValue(), String.join(" ", command) + " failed in " + PROJECT + ":\n" + tail(log));
    }

    /** The guide's files: path to content, in the guide's order. */
    static Map<String, String> guideFiles(String markdown) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher file = FILE.matcher(markdown);
        while (file.find()) {
            if (files.put(file.group(1), file.group(2)) != null) {
                fail("the guide shows " + file.group(1) + " twice");
            }
        }
        return files;
    }

    private static int testsInTheGuide() {
        int tests = files.entrySet().stream().filter(file -> file.getKey().endsWith("IT.java"))
                .mapToInt(file -> file.getValue().split("\\n\\s*@Test\\n", -1).length - 1).sum();
        assertTrue(tests > 0, "the guide's tests have @Test methods");
        return tests;
    }

    private static int count(String summary, String element) {
        Matcher value = Pattern.compile("<" + element + ">(\\d+)</" + element + ">").matcher(summary);
        assertTrue(value.find(), element + " in\n" + summary);
        return Integer.parseInt(value.group(1));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
