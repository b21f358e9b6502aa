package dev.vigil.collector.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates requests into whole ones up to a bound, and answers a larger one with 413 and a JSON
 * error like every other API error, deciding about the connection as Netty's own aggregator does. A
 * keep-alive client is answered at once and the connection stays: the aggregator discards the rest
 * of the body as it arrives, so the client, still sending, is not cut off by a reset before it
 * reads the answer. Otherwise the connection closes after the answer (the client asked for it, or
 * the whole body has already arrived).
 */
final class BoundedAggregator extends HttpObjectAggregator {
  private final int maxBytes;

  BoundedAggregator(int maxBytes) {
    super(maxBytes);
    this.maxBytes = maxBytes;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (!(oversized instanceof HttpRequest)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    StringBuilder json = new StringBuilder("{\"error\":");
    Json.string(json, "the request body is larger than " + maxBytes + " bytes").append('}');
    FullHttpResponse tooLarge =
        Responses.of(
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            Responses.JSON,
            ByteBufUtil.writeUtf8(ctx.alloc(), json));
    if (oversized instanceof FullHttpMessage
        || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized)) {
      HttpUtil.setKeepAlive(tooLarge, false);
      ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
  }
}
