package dev.vigil.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The 413 answer and what happens to the connection after it, on Netty's embedded channel: a
 * keep-alive client still sending its body reads the answer on an open connection and can send its
 * next request there; a client that asked to close gets the answer, then the close.
 */
class BoundedAggregatorTest {
  private static final int BOUND = 16;

  @Test
  void shouldAnswerAKeepAliveClientAtOnceAndDiscardTheRestOfItsBody() {
    EmbeddedChannel channel = new EmbeddedChannel(new BoundedAggregator(BOUND));

    channel.writeInbound(post(40, true));
    FullHttpResponse tooLarge = channel.readOutbound();
    assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.status());
    assertTrue(
        tooLarge.content().toString(StandardCharsets.UTF_8).contains("larger than 16 bytes"));
    tooLarge.release();
    assertTrue(channel.isOpen(), "the client is still sending: no reset under its feet");

    channel.writeInbound(chunk(20));
    channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[20])));
    assertNull(channel.readInbound(), "the rest of the oversized body is discarded");

    channel.writeInbound(
        post(4, true), new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[4])));
    FullHttpRequest next = channel.readInbound();
    assertEquals(4, next.content().readableBytes(), "the next request on the connection is served");
    next.release();
    assertFalse(channel.finish());
  }

  @Test
  void shouldCloseAfterAnsweringAClientThatAskedToClose() {
    EmbeddedChannel channel = new EmbeddedChannel(new BoundedAggregator(BOUND));

    channel.writeInbound(post(40, false));
    FullHttpResponse tooLarge = channel.readOutbound();

    assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.status());
    assertFalse(HttpUtil.isKeepAlive(tooLarge));
    tooLarge.release();
    assertFalse(channel.isOpen());
  }

  private static HttpRequest post(int length, boolean keepAlive) {
    HttpRequest request =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/incidents/1/ack");
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
    HttpUtil.setKeepAlive(request, keepAlive);
    return request;
  }

  private static DefaultHttpContent chunk(int length) {
    return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[length]));
  }
}
