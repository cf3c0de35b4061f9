package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.config.SimulatorKeys;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Test WARs holding the simulator (and, for tests of the client against it, the client), and the HTTP calls the ITs make. */
final class SimulatorDeployments {

    static final String KEY = SimulatorKeys.DEFAULT_API_KEY;
    static final String BASE_PATH = "simulator/pictoryapis/";
    /** The main classes only: the test classes of the same packages have no business in the server. */
    private static final Path MAIN_CLASSES = Path.of("target", "classes");
    private static final List<String> OUTSIDE_SERVERS = List.of("io/github/pictory4j/images/simulator/host/",
            "io/github/pictory4j/images/simulator/standalone/", "io/github/pictory4j/images/simulator/junit/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SimulatorDeployments() {
    }

    /**
     * A WAR with the simulator alone (it needs nothing of the client), switched on, configured with
     * {@code settings}.
     */
    static WebArchive simulator(String name, String settings) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, SimulatorDeployments::isMainClass,
                        "io.github.pictory4j.images.simulator", "io.github.pictory4j.images.config")
                .addAsWebInfResource(new File("src/main/resources/META-INF/beans.xml"), "beans.xml")
                .addAsResource(new StringAsset(SimulatorKeys.ENABLED + "=true\n" + settings),
                        "META-INF/microprofile-config.properties");
    }

    /** {@link #simulator} plus the client, to test the client against the simulator in one server. */
    static WebArchive simulatorAndClient(String name, String settings) {
        return simulator(name, settings).addPackages(true, SimulatorDeployments::isMainClass,
                "io.github.pictory4j.images.client");
    }

    /** The main classes a server gets: not the standalone host, launcher and JUnit extension (as in the WAR and the simulator jar). */
    private static boolean isMainClass(ArchivePath path) {
        String name = path.get().substring(1);
        return Files.isRegularFile(MAIN_CLASSES.resolve(name)) && OUTSIDE_SERVERS.stream().noneMatch(name::startsWith);
    }

    /** A request with {@code authorization} as the raw header value (none when null). */
    static HttpResponse<String> call(String method, URI uri, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> download(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
