package dev.vigil.collector.notify.escalation;

import static dev.vigil.collector.notify.NotificationStatus.FIRING;
import static dev.vigil.collector.notify.NotificationStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationPlannerTest {
  private static final Instant OPENED = Instant.parse("2026-11-23T09:00:00Z");
  private static final EscalationPolicy POLICY =
      new EscalationPolicy(
          "default",
          List.of(
              new EscalationStep(Duration.ZERO, List.of("alertmanager", "first-line")),
              new EscalationStep(Duration.ofMinutes(15), List.of("second-line")),
              new EscalationStep(Duration.ofMinutes(45), List.of("third-line"))));

  private static Instant at(String minutesAfterOpen) {
    return OPENED.plus(Duration.parse("PT" + minutesAfterOpen));
  }

  private static IncidentHistory history(
      Optional<Instant> acked, Optional<Instant> resolved, Set<Integer> steps, Set<String> told) {
    return new IncidentHistory(OPENED, acked, resolved, steps, told, false);
  }

  @Test
  void shouldTellTheFirstLineAtOnceWhenAnIncidentOpens() {
    assertEquals(
        List.of(new DueNotice(0, "alertmanager", FIRING), new DueNotice(0, "first-line", FIRING)),
        EscalationPlanner.due(POLICY, IncidentHistory.opened(OPENED), OPENED));
    assertEquals(
        Optional.of(OPENED), EscalationPlanner.nextStepAt(POLICY, IncidentHistory.opened(OPENED)));
  }

  @Test
  void shouldClimbToTheSecondLineOnlyOnceItsDelayHasPassed() {
    IncidentHistory told =
        history(
            Optional.empty(), Optional.empty(), Set.of(0), Set.of("alertmanager", "first-line"));

    assertEquals(List.of(), EscalationPlanner.due(POLICY, told, at("14M59S")));
    assertEquals(Optional.of(at("15M")), EscalationPlanner.nextStepAt(POLICY, told));
    assertEquals(
        List.of(new DueNotice(1, "second-line", FIRING)),
        EscalationPlanner.due(POLICY, told, at("15M")));
  }

  @Test
  void shouldClimbToTheThirdLineAfterTheSecondWhenNobodyAcknowledges() {
    IncidentHistory secondTold =
        history(
            Optional.empty(),
            Optional.empty(),
            Set.of(0, 1),
            Set.of("alertmanager", "first-line", "second-line"));

    assertEquals(List.of(), EscalationPlanner.due(POLICY, secondTold, at("44M")));
    assertEquals(
        List.of(new DueNotice(2, "third-line", FIRING)),
        EscalationPlanner.due(POLICY, secondTold, at("45M")));
    IncidentHistory allTold =
        history(
            Optional.empty(),
            Optional.empty(),
            Set.of(0, 1, 2),
            Set.of("alertmanager", "first-line", "second-line", "third-line"));
    assertEquals(List.of(), EscalationPlanner.due(POLICY, allTold, at("5H")));
    assertEquals(Optional.empty(), EscalationPlanner.nextStepAt(POLICY, allTold));
  }

  @Test
  void shouldTellEveryOverdueStepWhenTheCollectorWasAwayWhileTheyCameDue() {
    IncidentHistory firstTold =
        history(
            Optional.empty(), Optional.empty(), Set.of(0), Set.of("alertmanager", "first-line"));

    assertEquals(
        List.of(new DueNotice(1, "second-line", FIRING), new DueNotice(2, "third-line", FIRING)),
        EscalationPlanner.due(POLICY, firstTold, at("50M")));
  }

  @Test
  void shouldStopTheClimbWhenSomeoneAcknowledges() {
    IncidentHistory acked =
        history(
            Optional.of(at("10M")),
            Optional.empty(),
            Set.of(0),
            Set.of("alertmanager", "first-line"));

    assertEquals(List.of(), EscalationPlanner.due(POLICY, acked, at("15M")));
    assertEquals(List.of(), EscalationPlanner.due(POLICY, acked, at("3H")));
    assertEquals(Optional.empty(), EscalationPlanner.nextStepAt(POLICY, acked));
  }

  @Test
  void shouldSendOneResolvedNoticeToEveryReceiverThatWasToldAndToNoOtherOne() {
    IncidentHistory resolved =
        history(
            Optional.empty(),
            Optional.of(at("20M")),
            Set.of(0, 1),
            Set.of("first-line", "alertmanager", "second-line"));

    assertEquals(
        List.of(
            new DueNotice(1, "alertmanager", RESOLVED),
            new DueNotice(1, "first-line", RESOLVED),
            new DueNotice(1, "second-line", RESOLVED)),
        EscalationPlanner.due(POLICY, resolved, at("20M")));
    assertEquals(2, EscalationPlanner.due(POLICY, resolved, at("2H")).get(0).tier());
  }

  @Test
  void shouldSendTheResolvedNoticesOnlyOnce() {
    IncidentHistory queued =
        new IncidentHistory(
            OPENED,
            Optional.empty(),
            Optional.of(at("20M")),
            Set.of(0),
            Set.of("first-line"),
            true);

    assertEquals(List.of(), EscalationPlanner.due(POLICY, queued, at("20M")));
  }

  @Test
  void shouldTellTheResolutionAfterAnAcknowledgementToThoseToldBeforeIt() {
    IncidentHistory ackedThenResolved =
        history(
            Optional.of(at("5M")),
            Optional.of(at("30M")),
            Set.of(0),
            Set.of("alertmanager", "first-line"));

    assertEquals(
        List.of(
            new DueNotice(0, "alertmanager", RESOLVED), new DueNotice(0, "first-line", RESOLVED)),
        EscalationPlanner.due(POLICY, ackedThenResolved, at("30M")));
  }

  @Test
  void shouldTellNobodyOfAResolutionWhenNobodyWasToldOfTheIncident() {
    EscalationPolicy delayed =
        new EscalationPolicy(
            "quiet", List.of(new EscalationStep(Duration.ofMinutes(5), List.of("first-line"))));
    IncidentHistory flapped = history(Optional.empty(), Optional.of(at("2M")), Set.of(), Set.of());

    assertEquals(List.of(), EscalationPlanner.due(delayed, flapped, at("2M")));
    assertEquals(List.of(), EscalationPlanner.due(delayed, flapped, at("10M")));
  }
}
