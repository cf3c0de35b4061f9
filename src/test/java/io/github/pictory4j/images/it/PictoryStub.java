package io.github.pictory4j.images.it;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One WireMock Pictory per test JVM, on a loopback port, that the deployed test apps point at. It is
 * started before Arquillian builds the deployments (which need its URL).
 */

public final class PictoryStub {

    public static final WireMockServer SERVER = start();

    private PictoryStub() {
    }

    private static WireMockServer start() {
        // A fixed port when the environment of the server must name it (see the pom's second IT run).
        int port = Integer.getInteger("pictory.stub.port", 0);
        WireMockServer server = new WireMockServer((port == 0 ? wireMockConfig().dynamicPort() : wireMockConfig().port(port))
                .bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static String pictoryBaseUrl() {
        return "http://127.0.0.1:" + SERVER.port() + "/pictoryapis";
    }
}
