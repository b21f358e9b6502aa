package dev.vigil.collector.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.Arrays;

/**
 * The handlers of one HTTP connection: framing, keep-alive, aggregation into whole requests, then
 * the shared route handlers in order, the last of which answers 404. The API route, when served,
 * sits just before that last one on an executor of its own, since it waits on a database.
 */
final class HttpPipeline extends ChannelInitializer<Channel> {
  /** The largest body a request may carry: an API comment is a few lines of text, not a file. */
  static final int MAX_REQUEST_BODY_BYTES = 16 * 1024;

  private final ChannelHandler[] routes;
  private final EventExecutorGroup apiExecutor;
  private final ChannelHandler api;

  /** Serves {@code routes} only, without the API. */
  HttpPipeline(ChannelHandler... routes) {
    this(null, null, routes);
  }

  /**
   * @param apiExecutor the threads the API route runs on, or null when {@code api} is null
   * @param api the {@code /api/} route, or null to serve none
   */
  HttpPipeline(EventExecutorGroup apiExecutor, ChannelHandler api, ChannelHandler... routes) {
    this.routes = routes.clone();
    this.apiExecutor = apiExecutor;
    this.api = api;
  }

  /** The routes, in the order they see a request. */
  static ChannelHandler[] routes(
      SeriesSource source, SelfExposition self, IncidentSeries incidents) {
    return new ChannelHandler[] {
      new BadRequestHandler(),
      new HealthHandler(),
      new MetricsHandler(source, self, incidents),
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
            new BoundedAggregator(MAX_REQUEST_BODY_BYTES))
        .addLast(Arrays.copyOf(routes, routes.length - 1));
    if (api != null) {
      channel.pipeline().addLast(apiExecutor, "api", api);
    }
    channel.pipeline().addLast(routes[routes.length - 1]);
  }
}
