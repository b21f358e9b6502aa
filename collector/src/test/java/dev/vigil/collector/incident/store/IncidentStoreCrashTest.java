package dev.vigil.collector.incident.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonParser;
import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.OutboxEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL at random moments of a storm of incident changes against an SQLite
 * file, restarts it, and checks after every round that the file opens and that every change the
 * child saw commit is there exactly once, with its outbox entries exactly once, and nothing else
 * but the one change that may have been in flight at each kill.
 */
class IncidentStoreCrashTest {
  private static final int ROUNDS = 15;
  private static final long START_MILLIS = 1_767_600_000_000L;
  private static final long MILLIS_PER_ROUND = 10_000_000L;
  private static final long LINE_WAIT_SECONDS = 60;

  /** Queued after the child's last line; no line of its output can hold a NUL. */
  private static final String END_OF_OUTPUT = "\0";

  /** A change the child printed after it committed. */
  record Printed(long incident, EventAction action, long atMillis) {}

  @TempDir Path dir;

  @Test
  void shouldLoseNorDuplicateNothingWhenKilledDuringAStormOfChanges() throws Exception {
    Path file = dir.resolve("incidents.db");
    Random random = new Random(20260105);
    List<Printed> printed = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      int killAfter = 3 + random.nextInt(40);
      printed.addAll(runAndKill(file, round, killAfter));
      verify(file, printed, round + 1);
    }
    assertTrue(printed.size() >= ROUNDS * 3, "the storm committed " + printed.size());
  }

  private List<Printed> runAndKill(Path file, int round, int killAfter) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stderr = dir.resolve("child-" + round + ".err");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                IncidentStormChild.class.getName(),
                file.toString(),
                Long.toString(START_MILLIS + round * MILLIS_PER_ROUND),
                Long.toString(round))
            .redirectError(stderr.toFile())
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> pump(child, lines), "storm-output");
    reader.start();
    List<Printed> seen = new ArrayList<>();
    try {
      while (seen.size() < killAfter) {
        String line = lines.poll(LINE_WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals(END_OF_OUTPUT)) {
          fail(
              "round "
                  + round
                  + ": the child stopped after "
                  + seen.size()
                  + " changes: "
                  + Files.readString(stderr));
        }
        parse(line).ifPresent(seen::add);
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(LINE_WAIT_SECONDS, TimeUnit.SECONDS), "the child outlived SIGKILL");
      reader.join(TimeUnit.SECONDS.toMillis(LINE_WAIT_SECONDS));
    }
    // What the child printed before it died is in the pipe: it committed too.
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      parse(line).ifPresent(seen::add);
    }
    return seen;
  }

  /** Queues each line, then {@link #END_OF_OUTPUT}. */
  private static void pump(Process child, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      in.lines().forEach(lines::add);
    } catch (IOException | UncheckedIOException e) {
      // The child died mid-line: what came whole is all there is.
    }
    lines.add(END_OF_OUTPUT);
  }

  /** A whole line; one cut by the kill lacks its {@code end} and was never a committed change. */
  private static Optional<Printed> parse(String line) {
    String[] parts = line.split(" ");
    if (parts.length != 4 || !parts[3].equals("end")) {
      return Optional.empty();
    }
    return Optional.of(
        new Printed(
            Long.parseLong(parts[0]), EventAction.valueOf(parts[1]), Long.parseLong(parts[2])));
  }

  private static void verify(Path file, List<Printed> printed, int kills) {
    try (IncidentStore store =
        IncidentStore.open(
            file.toString(),
            IncidentStormChild.FLAP_WINDOW,
            IncidentStormChild.ROUTER,
            Clock.systemUTC())) {
      int events = 0;
      for (long id = 1; store.incident(id).isPresent(); id++) {
        Incident incident = store.incident(id).get();
        List<IncidentEvent> timeline = store.timeline(id);
        events += timeline.size();
        List<Printed> mine = printed.stream().filter(p -> p.incident() == incident.id()).toList();
        for (Printed change : mine) {
          verifyChange(store, incident, timeline, change);
        }
        verifyStillOpen(incident, timeline, mine);
      }
      assertTrue(
          events - printed.size() <= kills,
          events + " events stored, " + printed.size() + " printed, " + kills + " kills");
      Set<IncidentKey> unresolvedKeys = new HashSet<>();
      for (Incident incident : store.unresolved()) {
        assertTrue(unresolvedKeys.add(incident.key()), "two unresolved for " + incident.key());
      }
    }
  }

  private static void verifyChange(
      IncidentStore store, Incident incident, List<IncidentEvent> timeline, Printed change) {
    List<IncidentEvent> matching =
        timeline.stream().filter(e -> e.at().toEpochMilli() == change.atMillis()).toList();
    assertEquals(1, matching.size(), change + " stored " + matching.size() + " times");
    assertEquals(change.action(), matching.get(0).action(), change.toString());
    List<String> notices =
        store.outbox(incident.id()).stream()
            .filter(e -> causedAt(e) == change.atMillis())
            .map(e -> e.kind() + " " + e.receiver())
            .sorted()
            .toList();
    switch (change.action()) {
      case OPENED, REOPENED ->
          assertEquals(List.of("FIRING first-a", "FIRING first-b"), notices, change + " outbox");
      case ACKNOWLEDGED, COMMENTED -> assertEquals(List.of(), notices, change + " outbox");
      case ESCALATED ->
          assertTrue(
              notices.size() == 1 && notices.get(0).startsWith("ESCALATION tier-"),
              change + " outbox " + notices);
      case RESOLVED -> assertResolvedNotices(change, notices);
    }
  }

  /** Resolved notices go, once each, to both first-line receivers and any tier escalated to. */
  private static void assertResolvedNotices(Printed change, List<String> notices) {
    assertEquals(new HashSet<>(notices).size(), notices.size(), change + " told twice " + notices);
    assertTrue(
        notices.contains("RESOLVED first-a")
            && notices.contains("RESOLVED first-b")
            && notices.stream().allMatch(n -> n.startsWith("RESOLVED ")),
        change + " outbox " + notices);
  }

  private static long causedAt(OutboxEntry entry) {
    String at =
        JsonParser.parseString(entry.payload())
            .getAsJsonObject()
            .getAsJsonObject("event")
            .get("at")
            .getAsString();
    return Instant.parse(at).toEpochMilli();
  }

  /**
   * An incident the child last saw open or acknowledged is still unresolved, unless the change in
   * flight at a kill resolved it: then its timeline holds a resolution nobody printed.
   */
  private static void verifyStillOpen(
      Incident incident, List<IncidentEvent> timeline, List<Printed> mine) {
    Optional<Printed> lastStateChange =
        mine.stream().filter(p -> p.action() != EventAction.COMMENTED).reduce((a, b) -> b);
    if (lastStateChange.isEmpty() || lastStateChange.get().action() == EventAction.RESOLVED) {
      return;
    }
    if (incident.state() == IncidentState.RESOLVED) {
      long after = lastStateChange.get().atMillis();
      Set<Long> printedTimes = new HashSet<>();
      mine.forEach(p -> printedTimes.add(p.atMillis()));
      boolean unprintedResolve =
          timeline.stream()
              .anyMatch(
                  e ->
                      e.action() == EventAction.RESOLVED
                          && e.at().toEpochMilli() > after
                          && !printedTimes.contains(e.at().toEpochMilli()));
      assertTrue(unprintedResolve, "incident " + incident.id() + " lost its open state");
    }
  }
}
