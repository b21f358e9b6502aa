package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.store.MutableClock;
import dev.vigil.collector.notify.LoopbackHttpServer;
import dev.vigil.collector.notify.config.NotificationsConfigParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Two webhook tiers on loopback servers (receivers {@code first-line}, told at once, and {@code
 * second-line}, after 15 minutes) and an {@link Alerting} over a real SQLite file, reopened as a
 * restarted collector would be, on a clock the test moves.
 */
final class TwoTierAlerting implements AutoCloseable {
  /** The webhooks' shared secret. */
  static final String SECRET = "shared-with-the-webhook";

  private static final String RECEIVERS_AND_POLICY =
      """
      receivers:
        first-line:
          webhook: {url: %s, secret_file: webhook.secret}
        second-line:
          webhook: {url: %s, secret_file: webhook.secret}
      policies:
        default:
          - after: 0s
            receivers: [first-line]
          - after: 15m
            receivers: [second-line]
      """;

  final LoopbackHttpServer first = new LoopbackHttpServer();
  final LoopbackHttpServer second = new LoopbackHttpServer();
  final MutableClock clock;
  private final Path dir;
  private final String pagingConfig;
  private final HostLabels hostLabels;
  private Alerting alerting;

  /**
   * @param pagingConfig the notifications file's sections after the receivers and the policy
   */
  TwoTierAlerting(Path dir, Instant start, String pagingConfig, HostLabels hostLabels)
      throws IOException {
    this.dir = dir;
    this.clock = new MutableClock(start);
    this.pagingConfig = pagingConfig;
    this.hostLabels = hostLabels;
  }

  /** Closes the running alerting, if any, and opens it again on the same file. */
  Alerting reopen() throws IOException {
    if (alerting != null) {
      alerting.close();
    }
    Files.writeString(dir.resolve("webhook.secret"), SECRET + "\n");
    String yaml =
        RECEIVERS_AND_POLICY.formatted(first.uri("/hook"), second.uri("/hook")) + pagingConfig;
    alerting =
        Alerting.open(
            dir.resolve("incidents.db").toString(),
            Duration.ofMinutes(10),
            Duration.ZERO,
            Optional.of(NotificationsConfigParser.parse("notifications.yml", yaml, dir)),
            hostLabels,
            new SimpleMeterRegistry(),
            clock);
    return alerting;
  }

  @Override
  public void close() {
    if (alerting != null) {
      alerting.close();
    }
    first.close();
    second.close();
  }
}
