package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.eval.HostVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One rule on one host: every element its expression can return, each an alert that is inactive,
 * pending or firing, held in primitive arrays and stepped as Prometheus 2.42 steps an alerting rule
 * ({@code rules/alerting.go}, {@code Eval}), plus Vigil's {@code vigil_keep_firing_while}.
 *
 * <p>Not thread-safe: the host's lock serialises every call.
 */
final class RuleState {
  static final byte INACTIVE = 0;
  static final byte PENDING = 1;
  static final byte FIRING = 2;

  /** No keep-firing period has started. */
  static final long NEVER = Long.MIN_VALUE;

  /** Told when an alert starts or stops firing, while emitting. */
  interface Changes {
    void firingChanged(RuleState rule, int element, boolean firing);
  }

  private final Rule rule;
  private final Severity severity;
  private final HostVector expr;
  private final HostVector keepFiringWhile;
  private final int[] keepFiringElement;
  private final long forMillis;
  private final long keepFiringForMillis;
  private final List<SortedMap<String, String>> labels;
  private final IncidentKey[] keys;

  private final byte[] state;
  private final long[] activeAt;
  private final long[] keepFiringSince;
  private final boolean[] emitted;
  private final double[] values;

  /**
   * @param keepFiringWhile the compiled {@code vigil_keep_firing_while}, or null
   */
  RuleState(
      String host, Rule rule, Severity severity, HostVector expr, HostVector keepFiringWhile) {
    this.rule = rule;
    this.severity = severity;
    this.expr = expr;
    this.keepFiringWhile = keepFiringWhile;
    this.forMillis = rule.pendingFor().toMillis();
    this.keepFiringForMillis = rule.keepFiringFor().toMillis();
    int size = expr.size();
    this.labels = new ArrayList<>(size);
    this.keys = new IncidentKey[size];
    for (int e = 0; e < size; e++) {
      SortedMap<String, String> elementLabels = expr.labels(e);
      labels.add(elementLabels);
      keys[e] = key(host, rule.name(), elementLabels);
    }
    this.keepFiringElement = matchElements(expr, keepFiringWhile);
    this.state = new byte[size];
    this.activeAt = new long[size];
    this.keepFiringSince = new long[size];
    this.emitted = new boolean[size];
    this.values = new double[size];
    Arrays.fill(keepFiringSince, NEVER);
  }

  /** The incident key of an element: host, rule and the element's labels without instance. */
  static IncidentKey key(String host, String rule, SortedMap<String, String> labels) {
    TreeMap<String, String> withoutInstance = new TreeMap<>(labels);
    withoutInstance.remove("instance");
    return new IncidentKey(host, rule, withoutInstance);
  }

  /** For each element of {@code expr}, the element of {@code other} with the same labels, or -1. */
  private static int[] matchElements(HostVector expr, HostVector other) {
    int[] match = new int[expr.size()];
    Arrays.fill(match, -1);
    if (other == null) {
      return match;
    }
    Map<SortedMap<String, String>, Integer> byLabels = new HashMap<>();
    for (int o = 0; o < other.size(); o++) {
      byLabels.put(other.labels(o), o);
    }
    for (int e = 0; e < match.length; e++) {
      match[e] = byLabels.getOrDefault(expr.labels(e), -1);
    }
    return match;
  }

  /**
   * Evaluates the rule at {@code at} and steps every alert; when {@code emit}, tells {@code
   * changes} about each alert whose firing differs from what the incident store was last told.
   * Allocates nothing unless {@code changes} does.
   */
  void evaluate(long at, boolean emit, Changes changes) {
    expr.evaluate(at);
    boolean keepFiringEvaluated = false;
    for (int e = 0; e < state.length; e++) {
      if (expr.present(e)) {
        values[e] = expr.value(e);
        becameActive(e, at);
      } else if (state[e] == PENDING) {
        state[e] = INACTIVE;
      } else if (state[e] == FIRING) {
        if (!keepFiringEvaluated && keepFiringWhile != null) {
          keepFiringWhile.evaluate(at);
          keepFiringEvaluated = true;
        }
        stoppedWhileFiring(e, at);
      }
      boolean firing = state[e] == FIRING;
      if (emit && firing != emitted[e]) {
        emitted[e] = firing;
        changes.firingChanged(this, e, firing);
      }
    }
  }

  private void becameActive(int e, long at) {
    if (state[e] == INACTIVE) {
      state[e] = PENDING;
      activeAt[e] = at;
    }
    keepFiringSince[e] = NEVER;
    if (state[e] == PENDING && at - activeAt[e] >= forMillis) {
      state[e] = FIRING;
    }
  }

  /** The condition no longer returns a firing element: hysteresis, keep_firing_for, or resolve. */
  private void stoppedWhileFiring(int e, long at) {
    int held = keepFiringElement[e];
    if (held >= 0 && keepFiringWhile.present(held)) {
      // keep_firing_for counts from when the looser condition stops too.
      keepFiringSince[e] = NEVER;
      return;
    }
    if (keepFiringForMillis > 0) {
      if (keepFiringSince[e] == NEVER) {
        keepFiringSince[e] = at;
      }
      if (at - keepFiringSince[e] < keepFiringForMillis) {
        return;
      }
    }
    state[e] = INACTIVE;
    keepFiringSince[e] = NEVER;
  }

  /** The incident key of the alert. */
  IncidentKey key(int element) {
    return keys[element];
  }

  /** The alert as the incident store takes it, annotations rendered with its latest value. */
  FiringAlert firingAlert(int element) {
    SortedMap<String, String> alertLabels = labels.get(element);
    return new FiringAlert(
        keys[element],
        severity,
        annotation("summary", alertLabels, values[element]),
        annotation("runbook_url", alertLabels, values[element]));
  }

  private String annotation(String name, Map<String, String> alertLabels, double value) {
    String text = rule.annotations().get(name);
    return text == null ? "" : AnnotationTemplate.render(text, alertLabels, value);
  }

  /** Adds every alert that is active or told to {@code into}, by incident key. */
  void carryOut(Map<IncidentKey, CarriedAlert> into) {
    for (int e = 0; e < state.length; e++) {
      if (state[e] != INACTIVE || emitted[e]) {
        into.put(
            keys[e],
            new CarriedAlert(state[e], activeAt[e], keepFiringSince[e], emitted[e], values[e]));
      }
    }
  }

  /** Takes the alerts of this rule's elements out of {@code from} into this state. */
  void carryIn(Map<IncidentKey, CarriedAlert> from) {
    for (int e = 0; e < state.length; e++) {
      CarriedAlert carried = from.remove(keys[e]);
      if (carried != null) {
        state[e] = carried.state();
        activeAt[e] = carried.activeAt();
        keepFiringSince[e] = carried.keepFiringSince();
        emitted[e] = carried.emitted();
        values[e] = carried.value();
      }
    }
  }
}
