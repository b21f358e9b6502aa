package dev.vigil.collector.notify.escalation;

import java.util.Map;

/**
 * The policies of one configuration by name, always with one named {@value #DEFAULT}. An incident
 * picks one through its {@value #LABEL} label (set on the rule), else gets the default.
 *
 * @param byName every policy by its name
 */
public record EscalationPolicies(Map<String, EscalationPolicy> byName) {
  /** The policy an incident without an {@value #LABEL} label gets. */
  public static final String DEFAULT = "default";

  /** The label that names an incident's policy. */
  public static final String LABEL = "escalation";

  /** Copies the map and checks that the default exists. */
  public EscalationPolicies {
    byName = Map.copyOf(byName);
    if (!byName.containsKey(DEFAULT)) {
      throw new IllegalArgumentException("there must be a policy named \"" + DEFAULT + "\"");
    }
  }

  /**
   * The policy an incident with {@code labels} follows: the one its {@value #LABEL} label names,
   * else the default. A name without a policy also gets the default, so a typo in a rule still
   * pages someone; the rule loader is where that typo should be reported.
   */
  public EscalationPolicy forLabels(Map<String, String> labels) {
    EscalationPolicy named = byName.get(labels.getOrDefault(LABEL, DEFAULT));
    return named != null ? named : byName.get(DEFAULT);
  }
}
