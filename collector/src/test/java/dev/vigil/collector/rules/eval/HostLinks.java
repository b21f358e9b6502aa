package dev.vigil.collector.rules.eval;

import dev.vigil.collector.store.HostIdentity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each host of a recorded fleet is connected, lost (its stream ended without a Goodbye) or
 * gone with a Goodbye, step by step; a host that is not connected sends no samples.
 */
final class HostLinks {
  /** A host's link to the collector at one step. */
  enum Link {
    UP,
    LOST,
    GOODBYE
  }

  private final RecordedFleet fleet;
  private final Map<String, Link[]> links = new LinkedHashMap<>();

  HostLinks(RecordedFleet fleet) {
    this.fleet = fleet;
    for (String host : fleet.hosts) {
      Link[] steps = new Link[fleet.steps];
      Arrays.fill(steps, Link.UP);
      links.put(host, steps);
    }
  }

  /** Cuts {@code host} off for {@code steps} steps from {@code from}, and drops its samples. */
  void cut(String host, Link how, int from, int steps) {
    Arrays.fill(links.get(host), from, from + steps, how);
    for (RecordedSeries s : fleet.series) {
      if (s.instance.equals(host)) {
        Arrays.fill(s.present, from, from + steps, false);
      }
    }
  }

  /** Connects or releases each host whose link changes at {@code step}, as its stream would. */
  void apply(int step, Map<String, TestHost> hosts) {
    long t = step * RecordedFleet.STEP_MILLIS;
    links.forEach(
        (name, steps) -> {
          if (steps[step] != steps[step - 1]) {
            TestHost h = hosts.get(name);
            if (steps[step] == Link.UP) {
              h.host.claim(h, HostIdentity.UNKNOWN, t);
            } else {
              h.host.release(h, steps[step] == Link.GOODBYE);
            }
          }
        });
  }

  /**
   * Appends the collector's {@code vigil_host_lost} of every host as promtool input series: 1 while
   * lost, else 0, from the first step.
   */
  void appendLostSeries(StringBuilder out) {
    links.forEach(
        (host, steps) -> {
          RecordedSeries lost =
              new RecordedSeries("vigil_host_lost", host, new String[0], steps.length);
          for (int step = 1; step < steps.length; step++) {
            lost.set(step, steps[step] == Link.LOST ? 1 : 0);
          }
          lost.appendInputSeries(out);
        });
  }
}
