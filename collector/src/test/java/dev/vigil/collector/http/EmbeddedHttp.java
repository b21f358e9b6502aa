package dev.vigil.collector.http;

import dev.vigil.collector.store.SeriesStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The route handlers on an {@link EmbeddedChannel} that looks bound to 127.0.0.1:9465. */
final class EmbeddedHttp {
  /** What came back, copied out so that the response buffer can be released at once. */
  record Response(int status, HttpHeaders headers, String body) {}

  private final EmbeddedChannel channel;

  EmbeddedHttp(SeriesStore store, PrometheusMeterRegistry selfMetrics, IncidentSeries incidents) {
    SeriesSource source = StoreFixture.source(store);
    channel =
        new EmbeddedChannel(
            HttpPipeline.routes(source, new SelfExposition(selfMetrics), incidents)) {
          @Override
          protected SocketAddress localAddress0() {
            return new InetSocketAddress("127.0.0.1", 9465);
          }
        };
  }

  /** Routes without incidents. */
  EmbeddedHttp(SeriesStore store, PrometheusMeterRegistry selfMetrics) {
    this(store, selfMetrics, new IncidentSeries(List::of, () -> StoreFixture.NOW));
  }

  /** Routes with a registry that holds no meters and no incidents, so only the store shows. */
  EmbeddedHttp(SeriesStore store) {
    this(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  Response get(String uri) {
    return send(HttpMethod.GET, uri);
  }

  Response send(HttpMethod method, String uri) {
    channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
    FullHttpResponse response = channel.readOutbound();
    try {
      return new Response(
          response.status().code(),
          response.headers().copy(),
          response.content().toString(StandardCharsets.UTF_8));
    } finally {
      response.release();
    }
  }
}
