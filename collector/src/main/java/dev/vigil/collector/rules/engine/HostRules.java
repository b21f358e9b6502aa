package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.eval.HostProgram;
import dev.vigil.collector.store.HostState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One host in the engine: its compiled program, the alert state of every rule, and when it was last
 * evaluated. The engine locks this object around every call, so that the sweep thread and the
 * host's ingest thread never evaluate it at once.
 */
final class HostRules {
  private static final RuleState[] NO_RULES = new RuleState[0];

  final HostState host;
  private LoadedRules compiledFrom;
  private int compiledSeries = -1;
  private HostProgram program;
  private RuleState[] rules = NO_RULES;
  private Map<IncidentKey, CarriedAlert> restored;
  private final List<IncidentKey> toClear = new ArrayList<>();

  /** The timestamp of the last evaluation (ms, the agent's clock or the sweep's reckoning). */
  long lastEvaluatedAt;

  /** The collector's wall time at the last evaluation. */
  long lastEvaluatedWall;

  /** The collector's wall time when the last batch arrived. */
  long lastBatchWall;

  /** Whether the last batch was part of a backlog still being replayed. */
  boolean lastBatchCatchingUp;

  /** Whether the host was decommissioned: the sweep that still holds it leaves it alone. */
  boolean forgotten;

  /** Whether a batch has arrived: before one, the restored incidents wait. */
  private boolean batched;

  /**
   * @param restored the host's unresolved incidents from before a restart, by key; they enter its
   *     first program compiled after its first batch as firing alerts the store knows about
   */
  HostRules(HostState host, Map<IncidentKey, CarriedAlert> restored) {
    this.host = host;
    this.restored = restored;
  }

  /**
   * A batch is about to be evaluated. The first one lets the restored incidents in: a program
   * compiled before it is compiled again.
   */
  void batchArrived() {
    if (!batched) {
      batched = true;
      if (restored != null) {
        compiledSeries = -1;
      }
    }
  }

  /** Whether the program was compiled from {@code loaded} at {@code series} series. */
  boolean compiledFor(LoadedRules loaded, int series) {
    return compiledFrom == loaded && compiledSeries == series;
  }

  /** The program in use, or null while there is none; {@code previous} for the compiler. */
  HostProgram program() {
    return program;
  }

  /**
   * Replaces the program, carrying every alert over to the new one by its incident key (rule name
   * and labels). A told alert that finds no element in the new program (its series left the
   * expression, or the expression changed) is cleared at the next emitting evaluation, as long as
   * its rule is still loaded; an incident of a rule no longer loaded is left to a person.
   *
   * @param next the new program, or null when {@code loaded} has no rules
   */
  void install(LoadedRules loaded, int series, HostProgram next) {
    Map<IncidentKey, CarriedAlert> carried = new HashMap<>();
    for (RuleState rule : rules) {
      rule.carryOut(carried);
    }
    // A host without a batch (remembered from before the restart, or Hello only) can judge its
    // liveness alone: its restored incidents wait for its data rather than clear. Once they enter,
    // a restored incident stays told unless the program already told the store itself.
    if (restored != null && batched) {
      restored.forEach((key, alert) -> carried.merge(key, alert, HostRules::told));
      restored = null;
    }
    List<Rule> ruleList = loaded.rules();
    RuleState[] states = next == null ? NO_RULES : new RuleState[ruleList.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] =
          new RuleState(
              host.name(),
              ruleList.get(i),
              loaded.severities()[i],
              next.expr(i),
              next.keepFiringWhile(i));
      states[i].carryIn(carried);
    }
    carried.forEach(
        (key, alert) -> {
          if (alert.emitted() && loaded.names().contains(key.rule())) {
            toClear.add(key);
          }
        });
    compiledFrom = loaded;
    compiledSeries = series;
    program = next;
    rules = states;
  }

  private static CarriedAlert told(CarriedAlert current, CarriedAlert restored) {
    return current.emitted() ? current : restored;
  }

  /**
   * A compile failed: the program in use (and the restored alerts, if none ever compiled) stays
   * until the rules or the series change again, so the compiler is not retried on every batch.
   */
  void keepAfterFailure(LoadedRules loaded, int series) {
    compiledFrom = loaded;
    compiledSeries = series;
  }

  /** Evaluates every rule at {@code at}; see {@link RuleState#evaluate}. */
  int evaluate(long at, boolean emit, RuleState.Changes changes) {
    RuleState[] current = rules;
    for (RuleState rule : current) {
      rule.evaluate(at, emit, changes);
    }
    return current.length;
  }

  /** The incidents to clear because their alert is gone; empty unless a program was replaced. */
  List<IncidentKey> toClear() {
    return toClear;
  }
}
