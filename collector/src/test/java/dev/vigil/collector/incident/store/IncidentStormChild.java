package dev.vigil.collector.incident.store;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IllegalTransitionException;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.NotificationRouter;
import dev.vigil.collector.incident.Severity;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;

/**
 * The child JVM of {@link IncidentStoreCrashTest}: a storm of raises, clears, acknowledgements,
 * resolutions, comments and escalations against an SQLite file, printing each change after it
 * committed as {@code <incident> <ACTION> <epoch millis> end}, until the test kills it.
 *
 * <p>Its clock moves one millisecond before each step, so each change's audit event carries a time
 * no other event has: the test finds it by that time.
 */
final class IncidentStormChild {
  static final int HOSTS = 6;
  static final Duration FLAP_WINDOW = Duration.ofMillis(40);
  static final NotificationRouter ROUTER =
      (incident, tier) -> tier == 1 ? List.of("first-a", "first-b") : List.of("tier-" + tier);
  private static final int MAX_CHANGES = 100_000;

  private final IncidentStore store;
  private final MutableClock clock;
  private final Random random;
  private final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);

  private IncidentStormChild(IncidentStore store, MutableClock clock, Random random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /** Arguments: the SQLite file, the clock's first epoch millisecond, the random seed. */
  public static void main(String[] args) {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(Long.parseLong(args[1])));
    try (IncidentStore store = IncidentStore.open(args[0], FLAP_WINDOW, ROUTER, clock)) {
      new IncidentStormChild(store, clock, new Random(Long.parseLong(args[2]))).run();
    }
  }

  static FiringAlert alert(int host) {
    return new FiringAlert(
        IncidentKey.of("host-" + host, "Hot", Map.of("chip", "cpu", "severity", "warning")),
        Severity.WARNING,
        "hot",
        "https://kb.example/hot");
  }

  private void run() {
    for (int i = 0; i < MAX_CHANGES; i++) {
      int host = random.nextInt(HOSTS);
      clock.advance(Duration.ofMillis(1));
      try {
        step(host, random.nextInt(10));
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof IllegalTransitionException)) {
          throw e;
        }
      }
    }
  }

  private void step(int host, int dice) {
    FiringAlert alert = alert(host);
    if (dice < 3) {
      Incident incident = store.raise(alert).join();
      if (incident.changedAt().equals(clock.instant())) {
        boolean fresh = incident.openedAt().equals(clock.instant());
        print(incident.id(), fresh ? "OPENED" : "REOPENED");
      }
      return;
    }
    if (dice < 5) {
      Optional<Incident> cleared = store.clear(alert.key()).join();
      cleared.ifPresent(incident -> print(incident.id(), "RESOLVED"));
      return;
    }
    Optional<Incident> target =
        store.unresolved().stream().filter(i -> i.key().equals(alert.key())).findFirst();
    if (target.isEmpty()) {
      return;
    }
    long id = target.get().id();
    switch (dice) {
      case 5, 6 -> {
        store.acknowledge(id, "alice", "on it").join();
        print(id, "ACKNOWLEDGED");
      }
      case 7 -> {
        store.resolve(id, "bob", "fixed").join();
        print(id, "RESOLVED");
      }
      case 8 -> {
        store.comment(id, "carol", "note").join();
        print(id, "COMMENTED");
      }
      default -> {
        store.escalate(id, target.get().tier() + 1).join();
        print(id, "ESCALATED");
      }
    }
  }

  private void print(long incident, String action) {
    out.print(incident + " " + action + " " + clock.instant().toEpochMilli() + " end\n");
    out.flush();
  }
}
