package dev.vigil.collector.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.LoopbackHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real collector with SIGKILL at random moments while agents of {@value #HOSTS} hosts
 * flip a temperature across a {@code for: 0s} rule's threshold with almost every batch, restarts it
 * on the same data directory and reconnects them. After every kill the SQLite file is checked
 * ({@link IncidentFileSnapshot}), and an incident whose host stayed hot all through the next run
 * must still be open and untouched. At the end every host is put in a known state and the store
 * must come to agree with it exactly, incidents whose condition cleared while the collector was
 * down resolved, those whose condition still holds left as they were.
 */
class CollectorCrashTest {
  private static final int ROUNDS = 10;
  private static final int HOSTS = 20;
  private static final int MAX_STEPS = 12;
  private static final int MAX_KILL_DELAY_MILLIS = 30;
  private static final long SEED = 20261123;
  private static final String RECEIVER = "first-line";
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final LoopbackHttpServer webhook = new LoopbackHttpServer();
  private int steadyHostsChecked;

  CollectorCrashTest() throws Exception {}

  /** The temperatures of one run: each host's first, and whether it ever changed. */
  private record Run(boolean[] first, boolean[] changed) {}

  @AfterEach
  void closeWebhook() {
    webhook.close();
  }

  @Test
  void shouldLoseNorDuplicateNothingAndKeepIncidentsOpenUntilClearedAcrossSigkills()
      throws Exception {
    List<String> flags = flags();
    Random random = new Random(SEED);
    StormAgents agents = new StormAgents(HOSTS);
    IncidentFileSnapshot stored = IncidentFileSnapshot.EMPTY;
    for (int round = 0; round < ROUNDS; round++) {
      Run run;
      try (CollectorProcess collector =
          CollectorProcess.start(dir.resolve("collector-" + round + ".log"), flags)) {
        agents.connect(collector.ingest());
        run = storm(agents, random);
        collector.kill();
      }
      agents.disconnect();
      IncidentFileSnapshot after = IncidentFileSnapshot.read(file(), RECEIVER, stored);
      checkSteadyHosts(stored, after, run);
      stored = after;
    }
    assertTrue(stored.events() >= ROUNDS, "the storm stored " + stored.events() + " changes");
    assertTrue(steadyHostsChecked > 0, "no host stayed steady through a run");
    settle(agents, stored, flags);
  }

  private List<String> flags() throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("rules.yml"),
            """
            groups:
              - name: crash
                rules:
                  - alert: CpuHot
                    expr: node_hwmon_temp_celsius > %d
                    for: 0s
                    labels: {severity: warning}
                    annotations: {summary: "{{ $labels.chip }} at {{ $value }} C"}
            """
                .formatted(StormAgents.THRESHOLD));
    Files.writeString(dir.resolve("webhook.secret"), "crash-test-secret\n");
    Path notifications =
        Files.writeString(
            dir.resolve("notifications.yml"),
            """
            receivers:
              %s:
                webhook: {url: %s, secret_file: webhook.secret}
            policies:
              default:
                - after: 0s
                  receivers: [%s]
            """
                .formatted(RECEIVER, webhook.uri("/hook"), RECEIVER));
    return List.of(
        "--data-dir",
        dir.resolve("data").toString(),
        "--rules",
        rules.toString(),
        "--notifications",
        notifications.toString());
  }

  private Path file() {
    return dir.resolve("data").resolve("incidents.db");
  }

  /**
   * Sends 1 to {@value #MAX_STEPS} batches per host, each host's temperature flipping with
   * probability ½ at every step after the first, and returns a random moment after the last was
   * sent: before the collector read it, while it evaluates, while the store commits, or after.
   */
  private static Run storm(StormAgents agents, Random random) throws InterruptedException {
    boolean[] hot = new boolean[HOSTS];
    for (int i = 0; i < HOSTS; i++) {
      hot[i] = random.nextBoolean();
    }
    Run run = new Run(hot.clone(), new boolean[HOSTS]);
    int steps = 1 + random.nextInt(MAX_STEPS);
    for (int step = 0; step < steps; step++) {
      if (step > 0) {
        agents.awaitAcks();
        for (int i = 0; i < HOSTS; i++) {
          if (random.nextBoolean()) {
            hot[i] = !hot[i];
            run.changed()[i] = true;
          }
        }
      }
      agents.send(hot);
    }
    Thread.sleep(random.nextInt(MAX_KILL_DELAY_MILLIS));
    return run;
  }

  /**
   * A host hot all through a run keeps the incident it had open, untouched; a host cool all through
   * a run without one gets none.
   */
  private void checkSteadyHosts(IncidentFileSnapshot before, IncidentFileSnapshot after, Run run) {
    Map<String, Incident> open = before.unresolvedByHost();
    for (int i = 0; i < HOSTS; i++) {
      String host = StormAgents.host(i);
      if (run.changed()[i] || run.first()[i] != open.containsKey(host)) {
        continue;
      }
      steadyHostsChecked++;
      assertEquals(
          timelines(before, host),
          timelines(after, host),
          host + " stayed " + (run.first()[i] ? "hot" : "cool") + " through a run");
    }
  }

  private static List<?> timelines(IncidentFileSnapshot snapshot, String host) {
    return snapshot.incidentsOf(host).stream()
        .map(incident -> snapshot.timelines().get(incident.id()))
        .toList();
  }

  /**
   * Restarts the collector once more with every host in a known state (hosts open at the last kill
   * alternately cooled and kept hot, the others alternately heated and kept cool), waits until the
   * store agrees, and stops it with SIGTERM.
   */
  private void settle(StormAgents agents, IncidentFileSnapshot atKill, List<String> flags)
      throws Exception {
    Map<String, Incident> open = atKill.unresolvedByHost();
    boolean[] hot = finalStates(open.keySet());
    Set<String> expected = hosts(hot, true);
    Set<String> clearedWhileDown = new TreeSet<>(open.keySet());
    clearedWhileDown.removeAll(expected);
    Set<String> heldWhileDown = new TreeSet<>(open.keySet());
    heldWhileDown.retainAll(expected);
    assertTrue(
        !clearedWhileDown.isEmpty()
            && !heldWhileDown.isEmpty()
            && expected.size() > heldWhileDown.size(),
        "open at the last kill: " + open.keySet());

    try (CollectorProcess collector =
        CollectorProcess.start(dir.resolve("collector-final.log"), flags)) {
      agents.connect(collector.ingest());
      agents.send(hot);
      agents.awaitAcks();
      awaitUnresolvedHosts(expected);
      agents.send(hot);
      agents.awaitAcks();
      collector.stop();
    }
    agents.disconnect();

    IncidentFileSnapshot end = IncidentFileSnapshot.read(file(), RECEIVER, atKill);
    assertEquals(expected, new TreeSet<>(end.unresolvedByHost().keySet()), "unresolved at the end");
    for (String host : heldWhileDown) {
      long id = open.get(host).id();
      assertEquals(atKill.timelines().get(id), end.timelines().get(id), host + " stayed hot");
    }
  }

  private static boolean[] finalStates(Set<String> openHosts) {
    boolean[] hot = new boolean[HOSTS];
    int open = 0;
    int closed = 0;
    for (int i = 0; i < HOSTS; i++) {
      hot[i] = openHosts.contains(StormAgents.host(i)) ? open++ % 2 == 1 : closed++ % 2 == 0;
    }
    return hot;
  }

  private static Set<String> hosts(boolean[] hot, boolean which) {
    Set<String> hosts = new TreeSet<>();
    for (int i = 0; i < HOSTS; i++) {
      if (hot[i] == which) {
        hosts.add(StormAgents.host(i));
      }
    }
    return hosts;
  }

  /**
   * Polls the file the running collector writes until its unresolved hosts are {@code expected}.
   */
  private void awaitUnresolvedHosts(Set<String> expected) throws InterruptedException {
    Set<String> seen = Set.of();
    try (IncidentStore store = IncidentFileSnapshot.open(file())) {
      long deadline = System.nanoTime() + SETTLE.toNanos();
      while (System.nanoTime() < deadline) {
        seen =
            store.unresolved().stream()
                .map(incident -> incident.key().host())
                .collect(Collectors.toCollection(TreeSet::new));
        if (seen.equals(expected)) {
          return;
        }
        Thread.sleep(100);
      }
    }
    fail("after " + SETTLE + " the store has " + seen + " unresolved, expected " + expected);
  }
}
