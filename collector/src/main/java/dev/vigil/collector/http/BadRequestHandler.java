package dev.vigil.collector.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * First route: a request the codec could not decode gets 400 and the connection is closed, since
 * after a framing error nothing later on it can be trusted.
 */
@Sharable
final class BadRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof FullHttpRequest request && request.decoderResult().isFailure();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    ctx.writeAndFlush(
            Responses.text(
                ctx.alloc(),
                HttpResponseStatus.BAD_REQUEST,
                "malformed request: " + request.decoderResult().cause().getMessage()))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
