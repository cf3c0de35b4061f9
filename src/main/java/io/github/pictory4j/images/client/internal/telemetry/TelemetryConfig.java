package io.github.pictory4j.images.client.internal.telemetry;

import java.net.URI;

/**
 * What the telemetry implementation needs to know of the client.
 *
 * @param recordPrompt  whether the prompt may be recorded ({@code pictory.telemetry.record-prompt})
 * @param serverAddress Pictory's host, as {@code server.address} reports it
 * @param serverPort    its port, or -1 when unknown
 */
public record TelemetryConfig(boolean recordPrompt, String serverAddress, int serverPort) {

    /** The address and port of {@code baseUrl} (an unusable URL gives no address: the client reports it elsewhere). */
    public static TelemetryConfig of(boolean recordPrompt, String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443
                    : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            return new TelemetryConfig(recordPrompt, uri.getHost(), port);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new TelemetryConfig(recordPrompt, null, -1);
        }
    }
}
