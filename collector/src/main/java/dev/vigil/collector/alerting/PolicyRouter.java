package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.NotificationRouter;
import dev.vigil.collector.notify.escalation.EscalationPolicies;
import dev.vigil.collector.notify.escalation.EscalationPolicy;
import java.util.List;

/**
 * Tells each tier the receivers of the matching step of the incident's escalation policy (the one
 * its {@code escalation} label names, else the default); a tier beyond the last step tells nobody.
 */
final class PolicyRouter implements NotificationRouter {
  private final EscalationPolicies policies;

  PolicyRouter(EscalationPolicies policies) {
    this.policies = policies;
  }

  @Override
  public List<String> receivers(Incident incident, int tier) {
    EscalationPolicy policy = policies.forLabels(incident.key().labels());
    return tier <= policy.steps().size() ? policy.steps().get(tier - 1).receivers() : List.of();
  }
}
