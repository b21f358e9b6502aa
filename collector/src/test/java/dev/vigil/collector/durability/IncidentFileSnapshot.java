package dev.vigil.collector.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import dev.vigil.collector.incident.store.IncidentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every incident of the collector's SQLite file with its timeline, read while no collector runs and
 * checked: the file opens, no key has two unresolved incidents, each timeline alternates opening
 * and resolving from one OPENED, each change has exactly one outbox entry to the one receiver, and
 * nothing an earlier snapshot held is gone or changed.
 */
record IncidentFileSnapshot(
    Map<Long, Incident> incidents, Map<Long, List<IncidentEvent>> timelines) {
  /** Before the collector first ran: no file, no incident. */
  static final IncidentFileSnapshot EMPTY = new IncidentFileSnapshot(Map.of(), Map.of());

  /**
   * Reads and checks {@code file}.
   *
   * @param receiver the one receiver every opening and resolution notifies
   * @param before an earlier snapshot of the same file, whose history must still be there
   */
  static IncidentFileSnapshot read(Path file, String receiver, IncidentFileSnapshot before) {
    Map<Long, Incident> incidents = new HashMap<>();
    Map<Long, List<IncidentEvent>> timelines = new HashMap<>();
    try (IncidentStore store = open(file)) {
      for (long id = 1; store.incident(id).isPresent(); id++) {
        Incident incident = store.incident(id).get();
        List<IncidentEvent> timeline = store.timeline(id);
        checkTimeline(incident, timeline);
        checkOutbox(incident, timeline, store.outbox(id), receiver);
        incidents.put(id, incident);
        timelines.put(id, timeline);
      }
      IncidentFileSnapshot snapshot = new IncidentFileSnapshot(incidents, timelines);
      snapshot.checkKeeps(before);
      assertEquals(snapshot.unresolvedByHost().size(), store.unresolved().size(), "unresolved");
      return snapshot;
    }
  }

  /** Opens the file as a collector would, for reading while none runs or for polling one. */
  static IncidentStore open(Path file) {
    return IncidentStore.open(
        file.toString(), Duration.ofMinutes(10), (incident, tier) -> List.of(), Clock.systemUTC());
  }

  /** The unresolved incident of each host that has one; fails when a key has two. */
  Map<String, Incident> unresolvedByHost() {
    Map<IncidentKey, Incident> byKey = new HashMap<>();
    Map<String, Incident> byHost = new HashMap<>();
    for (Incident incident : incidents.values()) {
      if (incident.unresolved()) {
        Incident other = byKey.put(incident.key(), incident);
        assertTrue(other == null, "two unresolved incidents for " + incident.key());
        byHost.put(incident.key().host(), incident);
      }
    }
    return byHost;
  }

  /** The incidents of {@code host}, oldest first. */
  List<Incident> incidentsOf(String host) {
    List<Incident> mine = new ArrayList<>();
    for (long id = 1; incidents.containsKey(id); id++) {
      if (incidents.get(id).key().host().equals(host)) {
        mine.add(incidents.get(id));
      }
    }
    return mine;
  }

  int events() {
    return timelines.values().stream().mapToInt(List::size).sum();
  }

  /** Nothing stored before is lost or rewritten: each old timeline begins the new one. */
  private void checkKeeps(IncidentFileSnapshot before) {
    before.timelines.forEach(
        (id, old) -> {
          List<IncidentEvent> now = timelines.get(id);
          assertTrue(now != null, "incident " + id + " is gone");
          assertEquals(old, now.subList(0, Math.min(old.size(), now.size())), "incident " + id);
          assertTrue(now.size() >= old.size(), "incident " + id + " lost events");
        });
  }

  /**
   * One OPENED first, then resolutions and reopenings in turn, and the incident's state as its last
   * event left it: a duplicate or lost change breaks the alternation.
   */
  private static void checkTimeline(Incident incident, List<IncidentEvent> timeline) {
    boolean open = false;
    for (int i = 0; i < timeline.size(); i++) {
      EventAction action = timeline.get(i).action();
      EventAction expected =
          i == 0 ? EventAction.OPENED : open ? EventAction.RESOLVED : EventAction.REOPENED;
      if (action != expected) {
        fail("incident " + incident.id() + " event " + i + " is " + action + ": " + timeline);
      }
      open = action != EventAction.RESOLVED;
    }
    assertEquals(open, incident.unresolved(), "incident " + incident.id() + " " + timeline);
  }

  /** Each opening has one FIRING entry and each resolution one RESOLVED, in the same order. */
  private static void checkOutbox(
      Incident incident, List<IncidentEvent> timeline, List<OutboxEntry> outbox, String receiver) {
    assertEquals(timeline.size(), outbox.size(), "incident " + incident.id() + " outbox " + outbox);
    List<OutboxEntry> inOrder =
        outbox.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    for (int i = 0; i < timeline.size(); i++) {
      IncidentEvent event = timeline.get(i);
      OutboxEntry entry = inOrder.get(i);
      OutboxKind kind =
          event.action() == EventAction.RESOLVED ? OutboxKind.RESOLVED : OutboxKind.FIRING;
      String where = "incident " + incident.id() + " outbox entry " + entry.id();
      assertEquals(kind, entry.kind(), where);
      assertEquals(receiver, entry.receiver(), where);
      JsonObject cause =
          JsonParser.parseString(entry.payload()).getAsJsonObject().getAsJsonObject("event");
      assertEquals(event.at(), Instant.parse(cause.get("at").getAsString()), where);
      assertEquals(
          event.action().name().toLowerCase(Locale.ROOT), cause.get("action").getAsString(), where);
    }
  }
}
