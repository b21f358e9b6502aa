package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP GET for tests that talk to a running collector over loopback. */
public final class TestHttp {
  private TestHttp() {}

  /** The response to a GET of {@code uri}, which must answer 200 within 10 s. */
  public static HttpResponse<String> get(URI uri) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> uri + " answered " + response.body());
    return response;
  }
}
