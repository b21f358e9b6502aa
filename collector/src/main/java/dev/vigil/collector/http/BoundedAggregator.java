package dev.vigil.collector.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Aggregates requests into whole ones up to a bound, and answers a larger one with 413 and a JSON
 * error like every other API error, then closes the connection: the rest of the body is still on
 * its way and would be read as the next request.
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
    ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE);
  }
}
