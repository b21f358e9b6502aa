package dev.vigil.collector.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.notify.LoopbackHttpServer;
import dev.vigil.collector.notify.config.NotificationsConfigParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Alertmanager that takes connections and never answers, so each post to it waits for the
 * receiver's whole timeout (10 s), holds up neither escalation nor the other receivers: with the
 * collector's threads running, three incidents reach the first line at once and the second line
 * after its one-second step, all well within the first of those timeouts.
 */
class HungReceiverTest {
  private static final Duration WITHIN = Duration.ofSeconds(8);

  @TempDir Path dir;

  private final List<Socket> unanswered = new CopyOnWriteArrayList<>();

  @Test
  void shouldEscalateAndDeliverToTheOtherReceiversWhileOneHangs() throws Exception {
    try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LoopbackHttpServer first = new LoopbackHttpServer();
        LoopbackHttpServer second = new LoopbackHttpServer()) {
      holdEveryConnection(hung);
      Alerting alerting = open(hung.getLocalPort(), first, second);
      try {
        alerting.schedule(Duration.ofMillis(100));
        for (String host : List.of("ws-1", "ws-2", "ws-3")) {
          alerting
              .store()
              .raise(
                  new FiringAlert(
                      IncidentKey.of(host, "DiskFull", Map.of()), Severity.CRITICAL, "", ""))
              .join();
        }

        awaitRequests(second, 3);

        assertEquals(3, first.requests().size());
        assertTrue(
            second.requests().stream().allMatch(r -> r.body().contains("\"tier\":2")),
            second.requests().toString());
        assertTrue(!unanswered.isEmpty(), "the hung Alertmanager was tried meanwhile");
      } finally {
        for (Socket socket : unanswered) {
          socket.close();
        }
        alerting.close();
      }
    }
  }

  private Alerting open(int hungPort, LoopbackHttpServer first, LoopbackHttpServer second)
      throws IOException {
    Files.writeString(dir.resolve("webhook.secret"), "shared\n");
    String yaml =
        """
        receivers:
          hung:
            alertmanager: {url: "http://127.0.0.1:%d"}
          first-line:
            webhook: {url: "%s", secret_file: webhook.secret}
          second-line:
            webhook: {url: "%s", secret_file: webhook.secret}
        policies:
          default:
            - after: 0s
              receivers: [hung, first-line]
            - after: 1s
              receivers: [second-line]
        """
            .formatted(hungPort, first.uri("/hook"), second.uri("/hook"));
    return Alerting.open(
        dir.resolve("incidents.db").toString(),
        Duration.ofMinutes(10),
        Duration.ZERO,
        Optional.of(NotificationsConfigParser.parse("notifications.yml", yaml, dir)),
        host -> Map.of(),
        new SimpleMeterRegistry(),
        Clock.systemUTC());
  }

  private void holdEveryConnection(ServerSocket server) {
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  unanswered.add(server.accept());
                }
              } catch (IOException closed) {
                // The test is over.
              }
            },
            "hung-alertmanager");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void awaitRequests(LoopbackHttpServer server, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (server.requests().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(
        count,
        server.requests().size(),
        "requests to the second line within " + WITHIN + ": " + server.requests());
  }
}
