package dev.vigil.collector.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code /healthz}: 200 "ok" while the event loop answers at all. */
@Sharable
final class HealthHandler extends RouteHandler {
  @Override
  boolean matches(String rawPath) {
    return rawPath.equals("/healthz");
  }

  @Override
  FullHttpResponse respond(ChannelHandlerContext ctx, String rawPath) {
    return Responses.text(ctx.alloc(), HttpResponseStatus.OK, "ok");
  }
}
