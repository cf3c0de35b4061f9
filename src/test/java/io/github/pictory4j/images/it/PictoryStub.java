package io.github.pictory4j.images.it;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One WireMock Pictory per test JVM, on a loopback port, that the deployed test apps point at. It is
 * started before Arquillian builds the deployments (which need its URL).
 */
final class PictoryStub {

    static final WireMockServer SERVER = start();

    private PictoryStub() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static String pictoryBaseUrl() {
        return "http://127.0.0.1:" + SERVER.port() + "/pictoryapis";
    }
}
