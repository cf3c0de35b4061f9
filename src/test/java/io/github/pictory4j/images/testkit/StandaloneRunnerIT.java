package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.testkit.isolated.IsolatedRun;
import jakarta.json.Json;
import org.eclipse.parsson.JsonProviderImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.Launcher;
import org.opentest4j.AssertionFailedError;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built simulator-standalone jar, as a user has it: {@code java -jar … --port 0} from a shell, and the JUnit
 * extension in a JVM whose class path holds the jar, JUnit and JSON-P only. No server needed; it runs after
 * {@code package} (failsafe execution standalone-runner).
 */
class StandaloneRunnerIT {

    private static final Path JAR = Path.of(System.getProperty("pictory.simulator.standalone.jar",
            "target/pictory-images-simulator-standalone.jar"));
    private static final Pattern STARTED = Pattern.compile("Pictory simulator at (\\S+) with key (\\S+) \\(Ctrl-C stops it\\)");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void javaDashJarServesUntilKilledAndFreesItsPort() throws Exception {
        long began = System.nanoTime();
        Process process = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0", "--job-duration", "0s")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
            System.out.println("java -jar to its URL: " + (System.nanoTime() - began) / 1_000_000 + " ms: " + line);
            Matcher started = STARTED.matcher(line);
            assertTrue(started.matches(), line);
            URI baseUrl = URI.create(started.group(1));
            String key = started.group(2);
            assertEquals("127.0.0.1", baseUrl.getHost());

            String submitted = send("POST", baseUrl + "/v1/aistudio/images", key, "{\"prompt\":\"A lighthouse at dusk, ink\"}");
            String jobId = Json.createReader(new StringReader(submitted)).readObject().getJsonObject("data").getString("jobId");
            String job = send("GET", baseUrl + "/v1/jobs/" + jobId, key, null);
            assertEquals("completed", Json.createReader(new StringReader(job)).readObject().getJsonObject("data")
                    .getString("status"), job);

            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the runner ends when told to");
            assertFalse(process.isAlive());
            try (ServerSocket again = new ServerSocket(baseUrl.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(baseUrl.getPort(), again.getLocalPort(), "its port is free");
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void helpAndWrongArgumentsAreAnswered() throws Exception {
        Result help = run(List.of(JAVA, "-jar", JAR.toString(), "--help"));
        assertEquals(0, help.exit());
        assertTrue(help.output().contains("--job-duration"), help.output());

        Result wrong = run(List.of(JAVA, "-jar", JAR.toString(), "--port", "eighty"));
        assertEquals(2, wrong.exit());
        assertTrue(wrong.output().contains("--port takes a number"), wrong.output());

        Result badSetting = run(List.of(JAVA, "-jar", JAR.toString(), "--job-duration", "soon"));
        assertEquals(2, badSetting.exit());
        assertTrue(badSetting.output().contains("pictory.simulator.job-duration"), badSetting.output());
    }

    @Test
    void theExtensionRunsFromTheJarWithItsRuntimeApartFromTheClassPath() throws Exception {
        Path tmp = Files.createDirectories(Path.of("target", "standalone-it-tmp"));
        try (Stream<Path> old = Files.list(tmp)) {
            for (Path dir : old.toList()) {
                deleteTree(dir); // a cold start: the runtime is extracted afresh
            }
        }
        List<String> classPath = new ArrayList<>(List.of(JAR.toString(), locationOf(IsolatedRun.class)));
        for (Class<?> type : List.of(Test.class, JupiterTestEngine.class, TestEngine.class, AnnotationSupport.class,
                Launcher.class, AssertionFailedError.class, Json.class, JsonProviderImpl.class)) {
            classPath.add(locationOf(type));
        }
        Result child = run(List.of(JAVA, "-Djava.io.tmpdir=" + tmp.toAbsolutePath(), "-cp",
                String.join(File.pathSeparator, classPath), IsolatedRun.class.getName()));
        System.out.println("The child JVM, class path " + classPath + ":\n" + child.output());
        assertEquals(0, child.exit(), child.output());
        assertTrue(child.output().contains("1 tests successful"), child.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Still running after 120 s: " + command);
        }
        return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    private static String send(String method, String url, String key, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            return line == null ? "(the runner ended without a line)" : line;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
