package dev.vigil.collector.rules.eval;

import dev.vigil.collector.store.HostState;
import java.util.List;
import java.util.SortedMap;

/**
 * {@code vigil_host_up} or {@code vigil_host_lost}: the collector's own view of the host, always
 * present, 1 or 0. Read from {@link HostState} at each evaluation, not from the host's series, so
 * it changes the moment a stream ends.
 */
final class LivenessNode extends VectorNode {
  /** 1 while a stream owns the host. */
  static final String UP = "vigil_host_up";

  /** 1 once the host's last stream ended without a Goodbye. */
  static final String LOST = "vigil_host_lost";

  private final HostState host;
  private final boolean up;

  /**
   * @param series the one element's labels, or none when the selector's matchers exclude it
   */
  LivenessNode(HostState host, String metric, List<SortedMap<String, String>> series) {
    super(series);
    this.host = host;
    this.up = metric.equals(UP);
  }

  /** Whether {@code metric} names one of the collector-owned series. */
  static boolean owns(String metric) {
    return metric.equals(UP) || metric.equals(LOST);
  }

  @Override
  public void evaluate(long atMillis) {
    if (present.length == 1) {
      boolean state = up ? host.up() : host.lost();
      present[0] = true;
      values[0] = state ? 1 : 0;
    }
  }
}
