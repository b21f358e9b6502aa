package dev.vigil.collector.http;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The collector's HTTP/1.1 server: {@code /metrics}, {@code /hosts/<host>/metrics}, {@code /sd},
 * {@code /healthz} and, when given, the {@code /api/} route, served by Netty on a small event loop
 * group of its own. The API's threads also refresh the incident series of {@code /metrics}.
 */
public final class HttpServer implements AutoCloseable {
  private static final int CLOSE_TIMEOUT_SECONDS = 5;

  /**
   * How long both thread groups must see no new task before they stop: a connection's teardown hops
   * from the event loop to the API's executor and back, so neither may stop under the other.
   */
  private static final int QUIET_MILLIS = 100;

  /** Threads of the API route: its reads and writes wait on the incident database. */
  private static final int API_THREADS = 2;

  private final EventLoopGroup group;
  private final EventExecutorGroup apiExecutor;
  private final Channel channel;

  private HttpServer(EventLoopGroup group, EventExecutorGroup apiExecutor, Channel channel) {
    this.group = group;
    this.apiExecutor = apiExecutor;
    this.channel = channel;
  }

  /**
   * Binds {@code config.httpListen()} and starts serving, the API included.
   *
   * @param selfMetrics the collector's own metrics, appended to {@code /metrics}
   * @param clock wall-clock milliseconds, to tell stale series
   * @param unresolvedIncidents reads the open and acknowledged incidents, for the incident series
   *     of {@code /metrics}; called at start and then every {@link IncidentSeries#PERIOD} on the
   *     API's threads, never by a scrape
   * @param api the {@code /api/} route (a {@code @Sharable} handler of whole requests that passes
   *     on the ones it does not take), run on threads of its own; null to serve no API
   * @throws IOException when the address cannot be bound
   */
  public static HttpServer start(
      CollectorConfig config,
      SeriesStore store,
      PrometheusMeterRegistry selfMetrics,
      LongSupplier clock,
      Supplier<List<Incident>> unresolvedIncidents,
      ChannelHandler api)
      throws IOException {
    SeriesSource source = new SeriesSource(store, clock, config.staleAfter());
    EventExecutorGroup apiExecutor =
        new DefaultEventExecutorGroup(API_THREADS, new DefaultThreadFactory("vigil-api", true));
    IncidentSeries incidents = new IncidentSeries(unresolvedIncidents, clock);
    incidents.refresh();
    long period = IncidentSeries.PERIOD.toMillis();
    apiExecutor.scheduleWithFixedDelay(incidents::refresh, period, period, TimeUnit.MILLISECONDS);
    HttpPipeline pipeline =
        new HttpPipeline(
            apiExecutor,
            api,
            HttpPipeline.routes(source, new SelfExposition(selfMetrics), incidents));
    // Scrapes are short and CPU-bound; two loops keep one slow fleet scrape from stalling the rest.
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            2, new DefaultThreadFactory("vigil-http", true), NioIoHandler.newFactory());
    ChannelFuture bound =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(pipeline)
            .bind(config.httpListen())
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutDown(group, apiExecutor);
      throw new IOException(
          "cannot serve HTTP on " + config.httpListen() + ": " + bound.cause().getMessage(),
          bound.cause());
    }
    return new HttpServer(group, apiExecutor, bound.channel());
  }

  /** The bound address; the port is real even when the configuration asked for port 0. */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Stops accepting, drops open connections and waits a bounded time for the threads to end. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    shutDown(group, apiExecutor);
  }

  /** Winds both groups down together, each until it has been quiet for {@link #QUIET_MILLIS}. */
  private static void shutDown(EventExecutorGroup... groups) {
    List<Future<?>> stopping = new ArrayList<>();
    for (EventExecutorGroup threads : groups) {
      stopping.add(
          threads.shutdownGracefully(
              QUIET_MILLIS,
              TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS),
              TimeUnit.MILLISECONDS));
    }
    for (Future<?> stopped : stopping) {
      stopped.awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
