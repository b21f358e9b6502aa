package dev.vigil.collector.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a JSON body with the JDK's HttpClient and sorts the answer: 2xx delivered; 408, 429 and 5xx
 * retryable (with the receiver's {@code Retry-After} in seconds, when given); any other status
 * permanent, since the same request will be refused again; a network error or timeout retryable.
 */
public final class JsonPost {
  private static final int BODY_EXCERPT = 200;

  private final HttpClient client;
  private final Duration timeout;

  /**
   * @param timeout how long one request may take, connection included
   */
  public JsonPost(Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
  }

  /** Posts {@code json} to {@code uri} with {@code headers} (Content-Type is set here). */
  public void post(URI uri, String json, Map<String, String> headers) throws DeliveryException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw DeliveryException.retryable("POST " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("POST " + uri + " interrupted", e);
    }
    check(uri, response);
  }

  private static void check(URI uri, HttpResponse<String> response) throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String message = "HTTP " + status + " from " + uri + ": " + excerpt(response.body());
    if (status == 408 || status == 429 || status >= 500) {
      Optional<Duration> wait = retryAfter(response);
      throw wait.isPresent()
          ? DeliveryException.retryAfter(message, wait.get())
          : DeliveryException.retryable(message, null);
    }
    throw DeliveryException.permanent(message, null);
  }

  /** {@code Retry-After} in delay-seconds; the HTTP-date form is ignored (backoff applies). */
  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty() || !header.get().trim().matches("\\d{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(header.get().trim())));
  }

  private static String excerpt(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= BODY_EXCERPT ? line : line.substring(0, BODY_EXCERPT) + "…";
  }
}
