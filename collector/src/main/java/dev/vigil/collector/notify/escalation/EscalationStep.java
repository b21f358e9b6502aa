package dev.vigil.collector.notify.escalation;

import java.time.Duration;
import java.util.List;

/**
 * One line of support: told {@code after} the incident opened, unless someone acknowledged first.
 *
 * @param after the time since the incident opened at which this step is told
 * @param receivers the receivers' names, at least one
 */
public record EscalationStep(Duration after, List<String> receivers) {
  /** Copies the list. */
  public EscalationStep {
    receivers = List.copyOf(receivers);
  }
}
