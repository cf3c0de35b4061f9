package io.github.pictory4j.images.telemetry;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP/HTTP receiver (protobuf), as a collector would be: it keeps every span and metric a server
 * exports to it, decoded, and every attribute as text (for looking for what must never be there).
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A span as exported: ids in hex, attributes by key. */
    public record ExportedSpan(String scope, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
                        Map<String, Object> attributes, Status status, String events) {
        public Object attribute(String key) {
            return attributes.get(key);
        }

        /** All it says, as text. */
        public String text() {
            return name + " " + attributes + " " + status.getMessage() + " " + events;
        }
    }

    /** A metric as exported, with the scope that recorded it. */
    record ExportedMetric(String scope, Metric metric) {
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<ExportedMetric> metrics = new CopyOnWriteArrayList<>();
    private final List<String> everything = new CopyOnWriteArrayList<>();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", exchange -> answer(exchange, this::traces,
                ExportTraceServiceResponse.getDefaultInstance().toByteArray()));
        server.createContext("/v1/metrics", exchange -> answer(exchange, this::metrics,
                ExportMetricsServiceResponse.getDefaultInstance().toByteArray()));
        server.createContext("/v1/logs", exchange -> answer(exchange, body -> { }, new byte[0]));
        server.start();
    }

    /** The endpoint for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ExportedMetric> metrics() {
        return List.copyOf(metrics);
    }

    /** Every metric and resource received, as text (spans: {@link ExportedSpan#text()}). */
    public List<String> metricsAndResources() {
        return List.copyOf(everything);
    }

    private interface Body {
        void accept(byte[] body) throws InvalidProtocolBufferException;
    }

    private static void answer(HttpExchange exchange, Body handler, byte[] response) throws IOException {
        try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            handler.accept(in.readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                exchange.getResponseBody().write(response);
            }
        }
    }

    private void traces(byte[] body) throws InvalidProtocolBufferException {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
            everything.add(resource.getResource().getAttributesList().toString());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    Map<String, Object> attributes = attributes(span.getAttributesList());
                    spans.add(new ExportedSpan(scope.getScope().getName(), hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind(), attributes, span.getStatus(), span.getEventsList().toString()));
                }
            }
        }
    }

    private void metrics(byte[] body) throws InvalidProtocolBufferException {
        for (ResourceMetrics resource : ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList()) {
            everything.add(resource.getResource().getAttributesList().toString());
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    metrics.add(new ExportedMetric(scope.getScope().getName(), metric));
                    everything.add(metric.toString());
                }
            }
        }
    }

    static Map<String, Object> attributes(List<KeyValue> attributes) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            byKey.put(attribute.getKey(), value(attribute.getValue()));
        }
        return byKey;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BOOL_VALUE -> value.getBoolValue();
            case ARRAY_VALUE -> new ArrayList<>(value.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
