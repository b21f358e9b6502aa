package dev.vigil.collector.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET route: takes only the requests whose path it matches and lets the others pass down the
 * pipeline untouched, so each route is its own handler and the last one answers 404.
 */
abstract class RouteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(RouteHandler.class);

  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof FullHttpRequest request && matches(rawPath(request.uri()));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    ctx.writeAndFlush(response(ctx, request));
  }

  private FullHttpResponse response(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!HttpMethod.GET.equals(request.method())) {
      FullHttpResponse refused =
          Responses.text(
              ctx.alloc(),
              HttpResponseStatus.METHOD_NOT_ALLOWED,
              request.method() + " is not allowed here; use GET");
      refused.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
      return refused;
    }
    try {
      return respond(ctx, rawPath(request.uri()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("GET {} failed", request.uri(), e);
      return Responses.text(
          ctx.alloc(),
          HttpResponseStatus.INTERNAL_SERVER_ERROR,
          "internal error; the collector's log has the details");
    }
  }

  /** The path as sent, still percent-encoded, without query or fragment. */
  static String rawPath(String uri) {
    int end = uri.length();
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return uri.substring(0, end);
  }

  /** Whether this route serves {@code rawPath}. */
  abstract boolean matches(String rawPath);

  /** Answers a GET of {@code rawPath}; runs on the channel's event loop. */
  abstract FullHttpResponse respond(ChannelHandlerContext ctx, String rawPath) throws IOException;
}
