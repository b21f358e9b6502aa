package dev.vigil.collector.rules.eval;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.engine.IncidentSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An incident sink that keeps what the engine says is firing now, and every raise in order. A raise
 * of an alert already firing, or a clear of one that is not, is an engine bug and fails at once.
 */
final class FiringAlerts implements IncidentSink {
  private final Map<IncidentKey, FiringAlert> firing = new HashMap<>();
  private final List<IncidentKey> raised = new ArrayList<>();

  @Override
  public void raise(FiringAlert alert) {
    if (firing.put(alert.key(), alert) != null) {
      throw new AssertionError("raised while already firing: " + alert.key());
    }
    raised.add(alert.key());
  }

  @Override
  public void clear(IncidentKey key) {
    if (firing.remove(key) == null) {
      throw new AssertionError("cleared while not firing: " + key);
    }
  }

  /** Every raise so far, in order. */
  List<IncidentKey> raised() {
    return raised;
  }

  /**
   * The label sets of the firing alerts of {@code rule}, as Prometheus labels an alert: the
   * element's labels with its {@code instance}, then the rule's labels over them (its severity as
   * the engine read it), then {@code alertname}.
   */
  List<SortedMap<String, String>> labels(Rule rule) {
    List<SortedMap<String, String>> sets = new ArrayList<>();
    for (FiringAlert alert : firing.values()) {
      IncidentKey key = alert.key();
      if (key.rule().equals(rule.name())) {
        SortedMap<String, String> labels = new TreeMap<>(key.labels());
        labels.put("instance", key.host());
        labels.putAll(rule.labels());
        if (rule.labels().containsKey("severity")) {
          labels.put("severity", alert.severity().label());
        }
        labels.put("alertname", key.rule());
        sets.add(labels);
      }
    }
    return sets;
  }
}
