package dev.vigil.collector.notify.escalation;

import java.util.List;

/**
 * Who is told, and when, about an incident nobody acknowledges: steps in order of their {@code
 * after}, the first line first. Step {@code i} is escalation tier {@code i + 1}.
 *
 * @param name the policy's name, which an incident's {@code escalation} label picks
 * @param steps at least one, their {@code after} strictly rising
 */
public record EscalationPolicy(String name, List<EscalationStep> steps) {
  /** Copies the list and checks the order, which the parser has already explained to the user. */
  public EscalationPolicy {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("policy " + name + " has no steps");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).after().compareTo(steps.get(i - 1).after()) <= 0) {
        throw new IllegalArgumentException("policy " + name + ": steps must rise in 'after'");
      }
    }
  }
}
