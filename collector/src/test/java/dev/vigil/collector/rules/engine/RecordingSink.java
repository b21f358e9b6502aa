package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import java.util.ArrayList;
import java.util.List;

/** Remembers every raise and clear, in order, as {@code raise <key>} and {@code clear <key>}. */
public final class RecordingSink implements IncidentSink {
  private final List<String> calls = new ArrayList<>();
  private final List<FiringAlert> raised = new ArrayList<>();

  @Override
  public synchronized void raise(FiringAlert alert) {
    raised.add(alert);
    calls.add("raise " + describe(alert.key()));
  }

  @Override
  public synchronized void clear(IncidentKey key) {
    calls.add("clear " + describe(key));
  }

  private static String describe(IncidentKey key) {
    return key.host() + "/" + key.rule() + key.labels();
  }

  /** The calls so far, then forgets them. */
  public synchronized List<String> take() {
    List<String> taken = List.copyOf(calls);
    calls.clear();
    return taken;
  }

  /** Every alert raised so far. */
  public synchronized List<FiringAlert> raised() {
    return List.copyOf(raised);
  }
}
