package dev.vigil.collector.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.util.Set;

/**
 * {@code /metrics}: the whole fleet with {@code instance} labels, then the collector's own, then
 * the incident series.
 */
@Sharable
final class MetricsHandler extends RouteHandler {
  private static final int MIN_BUFFER_BYTES = 4096;

  private final SeriesSource source;
  private final SelfExposition self;
  private final IncidentSeries incidents;

  /**
   * Size of the previous response: starting the next buffer there spares copying a large exposition
   * several times while the buffer doubles. A hint only, so races do not matter.
   */
  private volatile int lastSize = MIN_BUFFER_BYTES;

  MetricsHandler(SeriesSource source, SelfExposition self, IncidentSeries incidents) {
    this.source = source;
    this.self = self;
    this.incidents = incidents;
  }

  @Override
  boolean matches(String rawPath) {
    return rawPath.equals("/metrics");
  }

  @Override
  FullHttpResponse respond(ChannelHandlerContext ctx, String rawPath) throws IOException {
    ByteBuf own = ctx.alloc().buffer(MIN_BUFFER_BYTES);
    try {
      self.writeTo(own);
      Set<String> taken = SelfExposition.namesTakenBy(own);
      taken.addAll(IncidentExposition.NAMES);
      incidents.writeTo(own);
      long freshSince = source.freshSince();
      FullHttpResponse response =
          Responses.ok(
              ctx.alloc(),
              Responses.PROMETHEUS_TEXT,
              lastSize + lastSize / 8,
              buffer -> {
                StoreExposition.current().writeFleet(buffer, source.store(), freshSince, taken);
                buffer.writeBytes(own);
              });
      lastSize = Math.max(MIN_BUFFER_BYTES, response.content().readableBytes());
      return response;
    } finally {
      own.release();
    }
  }
}
