package dev.vigil.collector.http;

import dev.vigil.collector.store.HostState;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code /sd}: Prometheus HTTP service discovery, one target group per host, all pointing at this
 * collector with the host's own metrics path. A host up on another collector sharing the database
 * is that collector's target, not this one's: listed by both, it would be scraped twice under one
 * {@code instance}.
 *
 * <p>{@code __metrics_path__} carries the host name unescaped: Prometheus treats the label as a
 * decoded path and escapes it when it builds the scrape URL, so escaping it here too would send
 * {@code %2520} for a space.
 */
@Sharable
final class ServiceDiscoveryHandler extends RouteHandler {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** Labels Prometheus or the collector set; a host label of the same name would override them. */
  private static final Set<String> OWNED_LABELS = Set.of("instance", "job");

  private final SeriesSource source;

  ServiceDiscoveryHandler(SeriesSource source) {
    this.source = source;
  }

  @Override
  boolean matches(String rawPath) {
    return rawPath.equals("/sd");
  }

  @Override
  FullHttpResponse respond(ChannelHandlerContext ctx, String rawPath) throws IOException {
    String json = targetGroups(source.store().hosts(), advertised(listening(ctx.channel())));
    return Responses.of(
        HttpResponseStatus.OK, Responses.JSON, ByteBufUtil.writeUtf8(ctx.alloc(), json));
  }

  /** The address the server socket is bound to: the accepting channel's, when there is one. */
  private static InetSocketAddress listening(Channel channel) {
    Channel server = channel.parent() != null ? channel.parent() : channel;
    return (InetSocketAddress) server.localAddress();
  }

  /** {@code host:port} for Prometheus to connect to; the machine's name for a wildcard bind. */
  static String advertised(InetSocketAddress bound) throws IOException {
    InetAddress address = bound.getAddress();
    String host =
        address.isAnyLocalAddress()
            ? InetAddress.getLocalHost().getHostName()
            : address.getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + bound.getPort();
  }

  static String targetGroups(HostState[] hosts, String address) {
    StringBuilder json = new StringBuilder(64 + hosts.length * 128).append('[');
    String groupSeparator = "";
    for (HostState host : hosts) {
      if (host.elsewhere()) {
        continue;
      }
      json.append(groupSeparator).append("{\"targets\":[");
      groupSeparator = ",";
      Json.string(json, address).append("],\"labels\":{");
      Map<String, String> labels = labels(host);
      String separator = "";
      for (Map.Entry<String, String> label : labels.entrySet()) {
        Json.string(json.append(separator), label.getKey()).append(':');
        Json.string(json, label.getValue());
        separator = ",";
      }
      json.append("}}");
    }
    return json.append(']').toString();
  }

  private static Map<String, String> labels(HostState host) {
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<String, String> label : host.identity().labels().entrySet()) {
      String name = label.getKey();
      if (LABEL_NAME.matcher(name).matches()
          && !name.startsWith("__")
          && !OWNED_LABELS.contains(name)) {
        labels.put(name, label.getValue());
      }
    }
    labels.put("instance", host.name());
    labels.put(
        "__metrics_path__", HostMetricsHandler.PREFIX + host.name() + HostMetricsHandler.SUFFIX);
    return labels;
  }
}
