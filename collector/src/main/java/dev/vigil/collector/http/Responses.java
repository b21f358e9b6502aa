package dev.vigil.collector.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;

/** Builds the complete responses every route answers with. */
final class Responses {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";

  /** Fills a response body; the buffer is released by the caller when this throws. */
  @FunctionalInterface
  interface Body {
    void writeTo(ByteBuf buffer) throws IOException;
  }

  private Responses() {}

  static FullHttpResponse of(HttpResponseStatus status, String contentType, ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return response;
  }

  static FullHttpResponse text(ByteBufAllocator alloc, HttpResponseStatus status, String text) {
    return of(status, TEXT, ByteBufUtil.writeUtf8(alloc, text + "\n"));
  }

  /** A 200 whose body {@code body} writes into a buffer of {@code initialCapacity} bytes. */
  static FullHttpResponse ok(
      ByteBufAllocator alloc, String contentType, int initialCapacity, Body body)
      throws IOException {
    ByteBuf buffer = alloc.buffer(initialCapacity);
    try {
      body.writeTo(buffer);
    } catch (IOException | RuntimeException e) {
      buffer.release();
      throw e;
    }
    return of(HttpResponseStatus.OK, contentType, buffer);
  }
}
