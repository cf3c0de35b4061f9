package io.github.pictory4j.images.client.internal.telemetry;

import java.net.URI;

/**
 * What the telemetry implementation needs to know of the client.
 *
 * @param recordPrompt  whether the prompt may be recorded ({@code pictory.telemetry.record-prompt})
 * @param serverAddress Pictory's host, as {@code server.address} reports it
 * @param serverPort    its port, or -1 when unknown
 * @param callbackUrl   the app's webhook endpoint ({@code pictory.webhook.url}, without a query), or null
 * @param spenderUser   whether the user a job was charged to may be recorded ({@code pictory.telemetry.spender-user})
 */
public record TelemetryConfig(boolean recordPrompt, String serverAddress, int serverPort, String callbackUrl,
                              boolean spenderUser) {

    /** A configuration that records no user. */
    public TelemetryConfig(boolean recordPrompt, String serverAddress, int serverPort, String callbackUrl) {
        this(recordPrompt, serverAddress, serverPort, callbackUrl, false);
    }

    /** The address and port of {@code baseUrl} (an unusable URL gives no address: the client reports it elsewhere). */
    public static TelemetryConfig of(boolean recordPrompt, String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443
                    : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            return new TelemetryConfig(recordPrompt, uri.getHost(), port, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new TelemetryConfig(recordPrompt, null, -1, null);
        }
    }

    /** This configuration for an app whose webhook endpoint is at {@code callbackUrl} (an absolute URL). */
    public TelemetryConfig withCallback(String callbackUrl) {
        URI uri = URI.create(callbackUrl);
        return new TelemetryConfig(recordPrompt, serverAddress, serverPort,
                uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath(), spenderUser);
    }

    /** This configuration, recording the user a job was charged to or not. */
    public TelemetryConfig withSpenderUser(boolean spenderUser) {
        return new TelemetryConfig(recordPrompt, serverAddress, serverPort, callbackUrl, spenderUser);
    }

    /** The path of the app's webhook endpoint, or null. */
    public String callbackPath() {
        return callbackUrl == null ? null : URI.create(callbackUrl).getRawPath();
    }
}
