package dev.vigil.collector.api;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request the API refuses: the status to answer and the message of its JSON error. */
final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient HttpResponseStatus status;

  ApiException(HttpResponseStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpResponseStatus status() {
    return status;
  }
}
