package dev.vigil.collector.http;

import dev.vigil.collector.store.HostState;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /hosts/<host>/metrics}: one host as if it were a node_exporter, without the {@code
 * instance} label that service discovery sets.
 *
 * <p>The host is everything between the prefix and the suffix, percent-decoded, so that a host name
 * holding a slash works whether the client escaped it or not (Prometheus escapes a {@code
 * __metrics_path__} itself, leaving slashes as they are).
 */
@Sharable
final class HostMetricsHandler extends RouteHandler {
  static final String PREFIX = "/hosts/";
  static final String SUFFIX = "/metrics";
  private static final int BUFFER_BYTES = 16 * 1024;

  private final SeriesSource source;

  HostMetricsHandler(SeriesSource source) {
    this.source = source;
  }

  @Override
  boolean matches(String rawPath) {
    return rawPath.length() > PREFIX.length() + SUFFIX.length()
        && rawPath.startsWith(PREFIX)
        && rawPath.endsWith(SUFFIX);
  }

  @Override
  FullHttpResponse respond(ChannelHandlerContext ctx, String rawPath) throws IOException {
    String name;
    try {
      name = decode(rawPath.substring(PREFIX.length(), rawPath.length() - SUFFIX.length()));
    } catch (IllegalArgumentException e) {
      return Responses.text(
          ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "malformed host in path: " + e.getMessage());
    }
    HostState host = source.store().find(name);
    if (host == null) {
      return Responses.text(ctx.alloc(), HttpResponseStatus.NOT_FOUND, "unknown host " + name);
    }
    if (host.elsewhere()) {
      return Responses.text(
          ctx.alloc(),
          HttpResponseStatus.NOT_FOUND,
          "host " + name + " streams to another collector now; scrape it there");
    }
    long freshSince = source.freshSince();
    return Responses.ok(
        ctx.alloc(),
        Responses.PROMETHEUS_TEXT,
        BUFFER_BYTES,
        buffer -> StoreExposition.current().writeHost(buffer, source.store(), host, freshSince));
  }

  /** Percent-decodes a path segment; unlike a query, a path keeps {@code +} as it is. */
  static String decode(String segment) {
    return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
