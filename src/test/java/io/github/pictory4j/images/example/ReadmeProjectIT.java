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
 * The README's "Test your app" runs as written. Its project's files (its two tests, and the rest of its project in
 * the test kit's guide, src/docs/test-kit.md), each a fenced block after a
 * {@code <!-- file: PATH -->} line, are copied into an empty directory and built there with {@code mvn -o verify},
 * as a new user would, against this build's jars (the pom installs them in the local repository before the
 * integration tests). Every test of the README, plain JUnit and Arquillian, must run and pass; then
 * {@code mvn dependency:sources} in that project finds the module's sources, and the Javadoc is found the same way.
 */
class ReadmeProjectIT {

    private static final Path README = Path.of("README.md");
    private static final Path GUIDE = Path.of("src/docs/test-kit.md");
    private static final Path PROJECT = Path.of("target/readme-project").toAbsolutePath();
    private static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final List<String> FILES = List.of("pom.xml", "src/main/liberty/config/server.xml",
            "src/test/resources/arquillian.xml");

    private static Map<String, String> files;

    @BeforeAll
    static void copyTheReadmesFilesIntoAnEmptyDirectory() throws IOException {
        files = readmeProject();
        assertTrue(files.keySet().containsAll(FILES), "the README shows " + FILES + ", not only " + files.keySet());
        for (String kind : List.of("Test.java", "IT.java")) {
            assertTrue(files.keySet().stream().anyMatch(path -> path.startsWith("src/test/java/") && path.endsWith(kind)),
                    "the README shows a *" + kind + ": " + files.keySet());
        }
        deleteRecursively(PROJECT);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = PROJECT.resolve(file.getKey()).normalize();
            assertTrue(target.startsWith(PROJECT), file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    @Test
    void theReadmesProjectBuildsOfflineAndEveryTestOfItRunsAndPasses() throws Exception {
        String version = System.getProperty("pictory.version");
        assertTrue(files.get("pom.xml").contains("<pictory4j.version>" + version + "</pictory4j.version>"),
                "the README's pom depends on this version, " + version);
        if (!Boolean.getBoolean("test-kit.maven.offline")) {
            // A first build online fetches what this build never needed (the README's own dependency versions).
            run("fetch", false, "dependency:go-offline");
        }

        run("build", true, "verify");

        Path report = PROJECT.resolve("target/failsafe-reports/failsafe-summary.xml");
        assertTrue(Files.exists(report), "the README's build ran no integration tests (no " + report + ")");
        String summary = Files.readString(report);
        assertEquals(tests("IT.java"), count(summary, "completed"), "every Arquillian test ran:\n" + summary);
        for (String none : List.of("errors", "failures", "skipped")) {
            assertEquals(0, count(summary, none), none + ":\n" + summary);
        }
        assertEquals(tests("Test.java"), unitTestsPassed(), "every plain JUnit test ran and passed");
    }

    @Test
    void theReadmesProjectFindsTheModulesSourcesAndJavadoc() throws Exception {
        String listed = PROJECT.resolve("target/extras.txt").toString();
        run("extras", true, "dependency:sources", "dependency:resolve", "-Dclassifier=javadoc",
                "-DincludeGroupIds=io.github.pictory4j", "-DappendOutput=true", "-DoutputFile=" + listed);

        String resolved = Files.readString(Path.of(listed));
        String version = System.getProperty("pictory.version");
        for (String classifier : List.of("sources", "javadoc")) {
            String artifact = "io.github.pictory4j:pictory-images:jar:" + classifier + ":" + version;
            assertTrue(resolved.lines().anyMatch(line -> line.strip().startsWith(artifact)),
                    "resolved " + artifact + ":\n" + resolved);
        }
    }

    /** Maven, as this build runs it (its installation and local repository), in the README's project. */
    private static void run(String name, boolean offline, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("test-kit.maven.home", "");
        command.add(home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        command.add("-B");
        if (offline) {
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

    /** The project's files, path to content: the README's "Test your app", then the rest in the guide's section. */
    static Map<String, String> readmeProject() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        addFiles(section(Files.readString(README), "## Test your app"), files);
        addFiles(section(Files.readString(GUIDE), "## The rest of the README's project"), files);
        return files;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertTrue(start >= 0, "a section \"" + heading + "\"");
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static void addFiles(String markdown, Map<String, String> files) {
        Matcher file = FILE.matcher(markdown);
        while (file.find()) {
            if (files.put(file.group(1), file.group(2)) != null) {
                fail("the README's project shows " + file.group(1) + " twice");
            }
        }
    }

    /** The {@code @Test} methods of the README's classes whose names end with {@code suffix}. */
    private static int tests(String suffix) {
        int tests = files.entrySet().stream().filter(file -> file.getKey().endsWith(suffix))
                .mapToInt(file -> file.getValue().split("\\n\\s*@Test\\n", -1).length - 1).sum();
        assertTrue(tests > 0, "the README's *" + suffix + " classes have @Test methods");
        return tests;
    }

    /** Surefire's reports: the tests that ran, each of which must have passed. */
    private static int unitTestsPassed() throws IOException {
        Path reports = PROJECT.resolve("target/surefire-reports");
        assertTrue(Files.isDirectory(reports), "the README's build ran no unit tests (no " + reports + ")");
        int ran = 0;
        try (Stream<Path> xml = Files.list(reports)) {
            for (Path report : xml.filter(path -> path.getFileName().toString().startsWith("TEST-")).toList()) {
                String suite = Files.readString(report);
                for (String none : List.of("errors", "failures", "skipped")) {
                    assertEquals(0, attribute(suite, none), none + " in " + report);
                }
                ran += attribute(suite, "tests");
            }
        }
        return ran;
    }

    private static int attribute(String suite, String name) {
        Matcher value = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(suite);
        assertTrue(value.find(), name + " in a surefire report");
        return Integer.parseInt(value.group(1));
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
