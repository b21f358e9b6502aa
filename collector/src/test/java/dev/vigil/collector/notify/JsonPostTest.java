package dev.vigil.collector.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonPostTest {
  private final LoopbackHttpServer server = new LoopbackHttpServer();
  private final JsonPost post = new JsonPost(Duration.ofSeconds(5));

  JsonPostTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private DeliveryException failure(int status, Map<String, String> headers) {
    server.respond(
        request -> new LoopbackHttpServer.Response(status, headers, "{\"error\":\"no\"}"));
    return assertThrows(
        DeliveryException.class, () -> post.post(server.uri("/hook"), "{}", Map.of()));
  }

  @Test
  void shouldPostTheBodyAsJsonWithTheGivenHeaders() throws Exception {
    post.post(server.uri("/hook"), "{\"a\":1}", Map.of("X-Test", "yes"));

    LoopbackHttpServer.Request request = server.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/hook", request.path());
    assertEquals("application/json", request.header("Content-type"));
    assertEquals("yes", request.header("X-test"));
    assertEquals("{\"a\":1}", request.body());
  }

  @Test
  void shouldRetryServerErrorsAndTooManyRequests() {
    DeliveryException unavailable = failure(503, Map.of());
    assertTrue(unavailable.retryable());
    assertEquals(
        "HTTP 503 from " + server.uri("/hook") + ": {\"error\":\"no\"}", unavailable.getMessage());

    DeliveryException throttled = failure(429, Map.of("Retry-After", "120"));
    assertTrue(throttled.retryable());
    assertEquals(Optional.of(Duration.ofMinutes(2)), throttled.retryAfterHint());
  }

  @Test
  void shouldGiveUpOnClientErrors() {
    for (int status : new int[] {400, 401, 404, 410}) {
      assertFalse(failure(status, Map.of()).retryable(), "HTTP " + status);
    }
  }

  @Test
  void shouldRetryWhenNothingListens() throws IOException {
    URI target = URI.create("http://127.0.0.1:" + LoopbackPorts.free() + "/hook");

    DeliveryException refused =
        assertThrows(DeliveryException.class, () -> post.post(target, "{}", Map.of()));

    assertTrue(refused.retryable());
    assertTrue(
        refused.getMessage().startsWith("POST " + target + " failed: "), refused.getMessage());
  }
}
