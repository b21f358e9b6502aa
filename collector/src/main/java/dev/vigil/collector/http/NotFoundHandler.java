package dev.vigil.collector.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Last in the pipeline: a request no route took is answered 404, whatever its method. */
@Sharable
final class NotFoundHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    ctx.writeAndFlush(
        Responses.text(
            ctx.alloc(),
            HttpResponseStatus.NOT_FOUND,
            "not found: "
                + RouteHandler.rawPath(request.uri())
                + "; try /metrics, /hosts/<host>/metrics, /sd, /healthz or /api/v1/incidents"));
  }
}
