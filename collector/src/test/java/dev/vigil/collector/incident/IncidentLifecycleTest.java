package dev.vigil.collector.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final FiringAlert ALERT =
      new FiringAlert(
          IncidentKey.of("web1", "DiskFull", Map.of("mountpoint", "/")),
          Severity.CRITICAL,
          "/ is 97% full",
          "https://kb.example/disk-full");

  private final IncidentLifecycle lifecycle = new IncidentLifecycle(Duration.ofMinutes(10));

  private Incident open() {
    return lifecycle.raise(null, ALERT, T0).orElseThrow().after().withId(7);
  }

  private Incident acknowledged() {
    return lifecycle.acknowledge(open(), "alice", "on it", T0.plusSeconds(60)).after();
  }

  private Incident resolved() {
    return lifecycle.clear(open(), T0.plusSeconds(120)).after();
  }

  @Test
  void shouldOpenANewIncidentAtTierOneWithTheRulesAnnotations() {
    Transition t = lifecycle.raise(null, ALERT, T0).orElseThrow();

    assertNull(t.before());
    assertEquals(IncidentState.OPEN, t.after().state());
    assertEquals(1, t.after().tier());
    assertEquals(0, t.after().flaps());
    assertEquals("https://kb.example/disk-full", t.after().runbookUrl());
    assertEquals("/ is 97% full", t.after().summary());
    assertEquals(T0, t.after().openedAt());
    assertEquals(new IncidentEvent(T0, "vigil", EventAction.OPENED, ""), t.event());
  }

  @Test
  void shouldChangeNothingWhenRaisedWhileUnresolved() {
    assertTrue(lifecycle.raise(open(), ALERT, T0.plusSeconds(5)).isEmpty());
    assertTrue(lifecycle.raise(acknowledged(), ALERT, T0.plusSeconds(5)).isEmpty());
  }

  @Test
  void shouldReopenTheSameIncidentAndCountAFlapWithinTheFlapWindow() {
    Incident resolved = resolved();
    Instant again = resolved.resolvedAt().plus(Duration.ofMinutes(10));

    Transition t = lifecycle.raise(resolved, ALERT, again).orElseThrow();

    assertEquals(7, t.after().id());
    assertEquals(IncidentState.OPEN, t.after().state());
    assertEquals(1, t.after().flaps());
    assertEquals(T0, t.after().openedAt());
    assertNull(t.after().resolvedAt());
    assertEquals(EventAction.REOPENED, t.event().action());
    assertEquals("fired again 600s after resolving", t.event().comment());
  }

  @Test
  void shouldOpenANewIncidentAfterTheFlapWindow() {
    Incident resolved = resolved();
    Instant late = resolved.resolvedAt().plus(Duration.ofMinutes(10)).plusMillis(1);

    Transition t = lifecycle.raise(resolved, ALERT, late).orElseThrow();

    assertNull(t.before());
    assertEquals(0, t.after().id());
    assertEquals(late, t.after().openedAt());
  }

  @Test
  void shouldAcknowledgeAnOpenIncidentAndRecordWhoAndWhy() {
    Instant at = T0.plusSeconds(60);
    Transition t = lifecycle.acknowledge(open(), "alice", "on it", at);

    assertEquals(IncidentState.ACKNOWLEDGED, t.after().state());
    assertEquals(at, t.after().acknowledgedAt());
    assertEquals(new IncidentEvent(at, "alice", EventAction.ACKNOWLEDGED, "on it"), t.event());
  }

  @Test
  void shouldResolveByHandFromOpenOrAcknowledged() {
    Instant at = T0.plusSeconds(300);
    Transition fromOpen = lifecycle.resolve(open(), "bob", "replaced the disk", at);
    Transition fromAck = lifecycle.resolve(acknowledged(), "alice", null, at);

    assertEquals(IncidentState.RESOLVED, fromOpen.after().state());
    assertEquals(at, fromOpen.after().resolvedAt());
    assertEquals(
        new IncidentEvent(at, "bob", EventAction.RESOLVED, "replaced the disk"), fromOpen.event());
    assertEquals(IncidentState.RESOLVED, fromAck.after().state());
    assertEquals(T0.plusSeconds(60), fromAck.after().acknowledgedAt());
    assertEquals("", fromAck.event().comment());
  }

  @Test
  void shouldResolveAutomaticallyWhenTheConditionClears() {
    Transition t = lifecycle.clear(acknowledged(), T0.plusSeconds(90));

    assertEquals(IncidentState.RESOLVED, t.after().state());
    assertEquals(
        new IncidentEvent(T0.plusSeconds(90), "vigil", EventAction.RESOLVED, "condition cleared"),
        t.event());
  }

  @Test
  void shouldEscalateAnOpenIncidentOnlyUpwards() {
    Transition second = lifecycle.escalate(open(), 2, T0.plusSeconds(600));
    Transition third = lifecycle.escalate(second.after(), 3, T0.plusSeconds(1200));

    assertEquals(2, second.after().tier());
    assertEquals(IncidentState.OPEN, second.after().state());
    assertEquals(EventAction.ESCALATED, second.event().action());
    assertEquals(3, third.after().tier());
    IllegalTransitionException again =
        assertThrows(
            IllegalTransitionException.class,
            () -> lifecycle.escalate(third.after(), 3, T0.plusSeconds(1300)));
    assertEquals("incident 7 is already at tier 3; cannot escalate to tier 3", again.getMessage());
  }

  @Test
  void shouldAllowACommentInEveryStateWithoutChangingTheIncident() {
    for (Incident incident : new Incident[] {open(), acknowledged(), resolved()}) {
      Transition t = lifecycle.comment(incident, "carol", "called the user", T0.plusSeconds(30));

      assertEquals(incident, t.after());
      assertEquals(EventAction.COMMENTED, t.event().action());
      assertEquals("carol", t.event().actor());
    }
  }

  @Test
  void shouldRefuseIllegalTransitionsNamingTheIncidentAndWhy() {
    Instant at = T0.plusSeconds(500);
    assertRefused(
        "incident 7 is already acknowledged (at 2026-01-05T09:01:00Z)",
        IncidentState.ACKNOWLEDGED,
        () -> lifecycle.acknowledge(acknowledged(), "bob", "", at));
    assertRefused(
        "incident 7 is resolved; it cannot be acknowledged, only commented on",
        IncidentState.RESOLVED,
        () -> lifecycle.acknowledge(resolved(), "bob", "", at));
    assertRefused(
        "incident 7 is already resolved (at 2026-01-05T09:02:00Z)",
        IncidentState.RESOLVED,
        () -> lifecycle.resolve(resolved(), "bob", "", at));
    assertRefused(
        "incident 7 is already resolved (at 2026-01-05T09:02:00Z)",
        IncidentState.RESOLVED,
        () -> lifecycle.clear(resolved(), at));
    assertRefused(
        "incident 7 is acknowledged: escalation has stopped",
        IncidentState.ACKNOWLEDGED,
        () -> lifecycle.escalate(acknowledged(), 2, at));
    assertRefused(
        "incident 7 is resolved; it cannot be escalated, only commented on",
        IncidentState.RESOLVED,
        () -> lifecycle.escalate(resolved(), 2, at));
  }

  @Test
  void shouldRefuseAnAnonymousChangeOrAnEmptyComment() {
    IllegalArgumentException anonymous =
        assertThrows(
            IllegalArgumentException.class, () -> lifecycle.acknowledge(open(), " ", "", T0));
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> lifecycle.comment(open(), "bob", "  ", T0));

    assertEquals("who made the change must be named", anonymous.getMessage());
    assertEquals("a comment must not be empty", empty.getMessage());
  }

  private static void assertRefused(String message, IncidentState state, Runnable change) {
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class, change::run);
    assertEquals(message, e.getMessage());
    assertEquals(7, e.incidentId());
    assertEquals(state, e.state());
  }
}
