package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.ingest.BatchListener;
import dev.vigil.collector.periodic.PeriodicTask;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.eval.HostProgram;
import dev.vigil.collector.rules.eval.ProgramCompiler;
import dev.vigil.collector.store.HostState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules in force for every host as its batches land, and tells the incident store
 * when an alert starts or stops firing.
 *
 * <pre>
 *  ingest thread: batch applied ─► onBatch ─► (recompile if rules or series changed) ─► observe
 *                                          ─► every rule at the batch's timestamp ─► raise/clear
 *  vigil-rules-sweep: every 15 s, hosts without a batch for 15 s ─► every rule at the last
 *                 evaluation's timestamp + the wall time since ─► raise/clear
 * </pre>
 *
 * <p>A host's lock serialises its ingest thread and the sweep. Evaluating allocates nothing unless
 * an alert changes state toward the store (a cold path: an incident is raised or cleared).
 */
public final class RuleEngine implements BatchListener, AutoCloseable {
  /** How often the sweep runs, and how long a host goes without a batch before it is swept. */
  public static final Duration SWEEP_PERIOD = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

  private final Supplier<RuleSet> rules;
  private final ProgramCompiler compiler;
  private final IncidentSink sink;
  private final EngineMetrics metrics;
  private final LongSupplier clock;
  private final Map<HostState, HostRules> hosts = new ConcurrentHashMap<>();
  private final Map<String, Map<IncidentKey, CarriedAlert>> restored;
  private final Emitter emitter = new Emitter();
  private volatile LoadedRules loaded;
  private PeriodicTask sweeper;

  /**
   * @param rules the rules in force, read on every batch (a reload is noticed by identity)
   * @param unresolved the incident store's unresolved incidents at start: each counts as a firing
   *     alert the store knows about, for its host's first program
   * @param clock the collector's wall clock, ms since the epoch
   */
  public RuleEngine(
      Supplier<RuleSet> rules,
      ProgramCompiler compiler,
      IncidentSink sink,
      List<Incident> unresolved,
      EngineMetrics metrics,
      LongSupplier clock) {
    this.rules = rules;
    this.compiler = compiler;
    this.sink = sink;
    this.metrics = metrics;
    this.clock = clock;
    this.restored = byHost(unresolved);
    this.loaded = LoadedRules.of(RuleSet.EMPTY, this::problem);
  }

  private static Map<String, Map<IncidentKey, CarriedAlert>> byHost(List<Incident> unresolved) {
    Map<String, Map<IncidentKey, CarriedAlert>> byHost = new ConcurrentHashMap<>();
    for (Incident incident : unresolved) {
      byHost
          .computeIfAbsent(incident.key().host(), host -> new HashMap<>())
          .put(incident.key(), CarriedAlert.restored(incident.openedAt().toEpochMilli()));
    }
    return byHost;
  }

  @Override
  public void onBatch(HostState host, long timestampMillis, boolean catchingUp) {
    HostRules h = hosts.get(host);
    if (h == null) {
      h = register(host);
    }
    synchronized (h) {
      h.batchArrived();
      h.lastBatchWall = clock.getAsLong();
      h.lastBatchCatchingUp = catchingUp;
      HostProgram program = compiled(h);
      if (program != null) {
        program.observe();
      }
      evaluate(h, timestampMillis, !catchingUp);
    }
  }

  private HostRules register(HostState host) {
    return hosts.computeIfAbsent(host, key -> new HostRules(key, restored.remove(key.name())));
  }

  /**
   * A host that said Hello is evaluated from then on, batches or not: the sweep evaluates it once
   * it has gone a sweep period without one, so {@code HostOffline} opens for a host lost before its
   * first batch. Nothing happens for a host already known. Cold path.
   */
  @Override
  public void claimed(HostState host, long atMillis) {
    track(host);
  }

  /**
   * Evaluates a host remembered from before a restart at once, on the collector's clock, and from
   * then on as the sweep comes by. Until its series arrive only the liveness series exist for it,
   * so a host that does not come back opens {@code HostOffline} its {@code for} after now.
   */
  public void seeded(HostState host) {
    HostRules h = track(host);
    synchronized (h) {
      compiled(h);
      evaluate(h, h.lastEvaluatedAt, true);
    }
  }

  /** Registers a host that has sent no batch, as if it had last been evaluated now. */
  private HostRules track(HostState host) {
    HostRules known = hosts.get(host);
    if (known != null) {
      return known;
    }
    HostRules h = register(host);
    synchronized (h) {
      if (h.lastEvaluatedWall == 0) {
        long now = clock.getAsLong();
        h.lastBatchWall = now;
        h.lastEvaluatedAt = now;
        h.lastEvaluatedWall = now;
      }
    }
    return h;
  }

  /**
   * Drops a decommissioned host and its alerts without telling the store: whoever forgets the host
   * resolves its incidents, after this returns. An evaluation of the host already running finishes
   * first, so whatever it raised reaches the store before the resolve; none runs after.
   */
  public void forget(HostState host) {
    restored.remove(host.name());
    HostRules h = hosts.remove(host);
    if (h != null) {
      synchronized (h) {
        h.forgotten = true;
      }
    }
  }

  /**
   * Evaluates every host that got no batch for a sweep period (lost, asleep, shut down), at its
   * last evaluation's timestamp advanced by the wall time since, so an agent's skewed clock does
   * not move its alerts. Returns how many hosts it evaluated.
   */
  public int sweep() {
    int swept = 0;
    long period = SWEEP_PERIOD.toMillis();
    for (HostRules h : hosts.values()) {
      synchronized (h) {
        long now = clock.getAsLong();
        if (h.forgotten || now - h.lastBatchWall < period) {
          continue;
        }
        compiled(h);
        // A stream mid-replay that paused is not done catching up.
        boolean catchingUp = h.host.up() && h.lastBatchCatchingUp;
        evaluate(h, h.lastEvaluatedAt + (now - h.lastEvaluatedWall), !catchingUp);
        swept++;
      }
    }
    return swept;
  }

  private void evaluate(HostRules h, long at, boolean emit) {
    metrics.evaluations.add(h.evaluate(at, emit, emitter));
    h.lastEvaluatedAt = at;
    h.lastEvaluatedWall = clock.getAsLong();
    if (emit && !h.toClear().isEmpty()) {
      for (IncidentKey key : h.toClear()) {
        sink.clear(key);
        metrics.cleared.increment();
      }
      h.toClear().clear();
    }
  }

  /**
   * The host's program for the rules in force, compiling it first when they or its series moved.
   */
  private HostProgram compiled(HostRules h) {
    LoadedRules current = loadedRules();
    int series = h.host.slots().count();
    if (!h.compiledFor(current, series)) {
      compile(h, current, series);
    }
    return h.program();
  }

  private void compile(HostRules h, LoadedRules current, int series) {
    if (current.rules().isEmpty()) {
      h.install(current, series, null);
      return;
    }
    try {
      HostProgram program = compiler.compile(current.rules(), h.host, h.program());
      h.install(current, series, program);
      for (String refused : program.problems()) {
        problem(refused);
      }
    } catch (RuntimeException e) {
      h.keepAfterFailure(current, series);
      problem(
          "cannot compile the rules for host " + h.host.name() + " at " + series + " series", e);
    }
  }

  private LoadedRules loadedRules() {
    RuleSet set = rules.get();
    LoadedRules current = loaded;
    if (current.set() == set) {
      return current;
    }
    synchronized (this) {
      if (loaded.set() != set) {
        loaded = LoadedRules.of(set, this::problem);
      }
      return loaded;
    }
  }

  private void problem(String message) {
    metrics.compileProblems.increment();
    log.warn(message);
  }

  private void problem(String message, RuntimeException e) {
    metrics.compileProblems.increment();
    log.warn(message, e);
  }

  /** Runs {@link #sweep()} every {@link #SWEEP_PERIOD} on a thread of its own until closed. */
  public synchronized void schedule() {
    if (sweeper == null) {
      sweeper =
          PeriodicTask.start(
              "vigil-rules-sweep", SWEEP_PERIOD, SWEEP_PERIOD, SWEEP_PERIOD, this::sweep);
    }
  }

  /** Stops the sweep; a sweep in progress finishes first. */
  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.close();
    }
  }

  /** Turns a change in an alert's firing into a raise or a clear. */
  private final class Emitter implements RuleState.Changes {
    @Override
    public void firingChanged(RuleState rule, int element, boolean firing) {
      if (firing) {
        sink.raise(rule.firingAlert(element));
        metrics.raised.increment();
      } else {
        sink.clear(rule.key(element));
        metrics.cleared.increment();
      }
    }
  }
}
