package io.github.pictory4j.images.restart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Open Liberty server of the build's runtime ({@code target/liberty/wlp}) that a test starts, kills
 * with {@code kill -9} and starts again, outside Arquillian (which owns its own server's lifecycle). It
 * is configured like the sample's server ({@code liberty/config}) and runs the sample WAR, on its own
 * port and with its own environment.
 */
public final class LibertyProcess implements AutoCloseable {

    static final Path WLP = Path.of("target/liberty/wlp");
    static final Path WAR = Path.of(System.getProperty("pictory.war", "target/pictory-images.war"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private Process launcher;

    /**
     * Creates the server's directory (replacing an earlier one of the same name) with the sample's
     * configuration, its JDBC drivers and the WAR.
     */
    public LibertyProcess(String name, int port, Map<String, String> environment) throws IOException {
        this.name = name;
        this.port = port;
        this.environment = new HashMap<>(environment);
        this.environment.put("HTTP_PORT", Integer.toString(port));
        Path dir = dir();
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(dir.resolve("apps"));
        copyTree(Path.of("liberty/config"), dir);
        Path libraries = WLP.resolve("usr/servers").resolve(System.getProperty("liberty.it.server", "pictory-tests"))
                .resolve("lib");
        if (Files.isDirectory(libraries)) {
            copyTree(libraries, dir.resolve("lib"));
        }
        // Where server.xml's <webApplication> names it, as `mvn liberty:run` installs it.
        Files.copy(WAR, dir.resolve("apps/pictory-images.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    public Path dir() {
        return WLP.resolve("usr/servers").resolve(name);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the server and waits until its readiness check answers (at most {@code within}). */
    public void start(Duration within) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toAbsolutePath().toString(), "start", name)
                .redirectErrorStream(true).redirectOutput(dir().resolve("launcher.out").toFile());
        // Only this server's own settings: none inherited from the test JVM's environment.
        builder.environment().keySet().removeIf(name -> name.startsWith("PICTORY_"));
        builder.environment().putAll(environment);
        launcher = builder.start();
        if (!launcher.waitFor(within.toSeconds(), TimeUnit.SECONDS) || launcher.exitValue() != 0) {
            throw new IllegalStateException("`server start " + name + "` failed; see " + dir().resolve("launcher.out"));
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + within + "; see " + dir().resolve("logs"));
            }
            Thread.sleep(200);
        }
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server JVM's process id, from Liberty's pid file. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid").resolve(name + ".pid")).trim());
    }

    /** {@code kill -9}: the JVM dies at once, with no shutdown hook, no orderly stop. */
    public void kill() throws IOException, InterruptedException {
        long pid = pid();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    /** The server's messages.log so far. */
    public String messages() throws IOException {
        Path log = dir().resolve("logs/messages.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops the server in order (if it runs). */
    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toAbsolutePath().toString(), "stop", name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        builder.start().waitFor(60, TimeUnit.SECONDS);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            List<Path> all = new ArrayList<>(files.toList());
            for (Path source : all) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            java.util.Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
