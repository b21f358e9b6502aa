package dev.vigil.collector.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every route checks of a request (its method, query parameters given once) and how it waits
 * for a change.
 */
final class ApiRequests {
  /** How long a change may wait for the store's writer before the request fails. */
  private static final long CHANGE_TIMEOUT_SECONDS = 30;

  private ApiRequests() {}

  /**
   * The outcome of a change handed to the incident store's writer, waited for at most {@link
   * #CHANGE_TIMEOUT_SECONDS}.
   *
   * @throws ExecutionException when the change failed: its cause says why
   * @throws ApiException 503 when the writer did not take it in time or the collector is stopping
   */
  static <T> T await(CompletableFuture<T> change) throws ExecutionException, ApiException {
    try {
      return change.get(CHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new ApiException(
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          "the incident store did not take the change within " + CHANGE_TIMEOUT_SECONDS + "s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "the collector is stopping");
    }
  }

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
