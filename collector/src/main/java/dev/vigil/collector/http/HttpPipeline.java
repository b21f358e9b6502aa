package dev.vigil.collector.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/**
 * The handlers of one HTTP connection: framing, keep-alive, aggregation into whole requests, then
 * the shared route handlers in order, the last of which answers 404.
 */
final class HttpPipeline extends ChannelInitializer<Channel> {
  /** Only GETs are served, so a request body is never needed; this bounds what one may send. */
  static final int MAX_REQUEST_BODY_BYTES = 4096;

  private final ChannelHandler[] routes;

  HttpPipeline(ChannelHandler... routes) {
    this.routes = routes.clone();
  }

  /** The routes, in the order they see a request. */
  static ChannelHandler[] routes(SeriesSource source, SelfExposition self) {
    return new ChannelHandler[] {
      new BadRequestHandler(),
      new HealthHandler(),
      new MetricsHandler(source, self),
      new HostMetricsHandler(source),
      new ServiceDiscoveryHandler(source),
      new NotFoundHandler()
    };
  }

  @Override
  protected void initChannel(Channel channel) {
    channel
        .pipeline()
        .addLast(
            new HttpServerCodec(),
            new HttpServerKeepAliveHandler(),
            new HttpObjectAggregator(MAX_REQUEST_BODY_BYTES))
        .addLast(routes);
  }
}
