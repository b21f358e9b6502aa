package dev.vigil.collector.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;

/** What every route checks of a request: its method, and query parameters given once. */
final class ApiRequests {
  private ApiRequests() {}

  /**
   * The value of a parameter that may appear once, or null when absent.
   *
   * @throws IllegalArgumentException when it appears more than once
   */
  static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException(name + " is given more than once");
    }
    return values.get(0);
  }

  /** Refuses with 405 a method other than {@code allowed}. */
  static void requireMethod(HttpMethod method, HttpMethod allowed) throws ApiException {
    if (!allowed.equals(method)) {
      throw new ApiException(
          HttpResponseStatus.METHOD_NOT_ALLOWED, method + " is not allowed here; use " + allowed);
    }
  }
}
