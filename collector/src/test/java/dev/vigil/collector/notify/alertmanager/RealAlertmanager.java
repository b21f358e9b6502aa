package dev.vigil.collector.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.vigil.collector.ExternalTools;
import dev.vigil.collector.notify.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Alertmanager (Debian package {@code prometheus-alertmanager}) on a free loopback port,
 * with its own configuration and storage in a directory and clustering off; fails with the install
 * command when the binary is missing.
 */
public final class RealAlertmanager implements AutoCloseable {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final Path dir;
  private final Process process;
  private final URI base;

  /**
   * Starts it and waits until it is ready.
   *
   * @param resolveTimeout Alertmanager's {@code resolve_timeout}, e.g. {@code 5m}
   */
  public RealAlertmanager(Path dir, String resolveTimeout) throws Exception {
    this.dir = dir;
    String binary = ExternalTools.require("prometheus-alertmanager", "prometheus-alertmanager");
    Path config =
        Files.writeString(
            dir.resolve("alertmanager.yml"),
            """
            global:
              resolve_timeout: %s
            route:
              receiver: nobody
            receivers:
              - name: nobody
            """
                .formatted(resolveTimeout));
    int port = LoopbackPorts.free();
    base = URI.create("http://127.0.0.1:" + port);
    process =
        new ProcessBuilder(
                binary,
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    await("Alertmanager ready", () -> get("/-/ready"), answer -> answer.statusCode() == 200);
  }

  /** Its base address. */
  public URI base() {
    return base;
  }

  /** The active alerts whose labels match {@code matcher}, e.g. {@code alertname="HostDown"}. */
  public JsonArray activeAlerts(String matcher) throws Exception {
    String filter = URLEncoder.encode(matcher, StandardCharsets.UTF_8);
    HttpResponse<String> answer = get("/api/v2/alerts?active=true&filter=" + filter);
    assertEquals(200, answer.statusCode(), answer::body);
    return JsonParser.parseString(answer.body()).getAsJsonArray();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Reads something from Alertmanager. */
  @FunctionalInterface
  public interface Probe<T> {
    T read() throws Exception;
  }

  /** Polls {@code probe} until {@code done} holds, for at most a minute. */
  public <T> T await(String what, Probe<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Object last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.read();
        if (done.test(value)) {
          return value;
        }
        last = value;
      } catch (IOException notYet) {
        last = notYet;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no " + what + " within " + DEADLINE + "; last: " + last + "; log: " + log());
  }

  /** What Alertmanager logged, for failure messages. */
  public String log() throws IOException {
    return Files.readString(dir.resolve("alertmanager.log"));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
