package dev.vigil.collector.rules.eval;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One host's series as a compiler sees them: the slots of a metric and each slot's labels as
 * Prometheus would see them ({@code __name__}, the agent's labels, {@code instance}). Cold path.
 */
final class HostSeries {
  private static final int[] NONE = new int[0];

  private final SeriesStore store;
  private final HostState host;
  private final SeriesSlots slots;

  HostSeries(SeriesStore store, HostState host) {
    this.store = store;
    this.host = host;
    this.slots = host.slots();
  }

  HostState host() {
    return host;
  }

  /** The generation of arrays the compiled program reads. */
  SeriesSlots slots() {
    return slots;
  }

  /** The host's slots of {@code metric}, in the order the agent defined them. */
  int[] slotsOf(String metric) {
    MetricFamily family = store.findFamily(metric);
    int[] members = family == null ? null : slots.slotsOf(family.id());
    return members == null ? NONE : members.clone();
  }

  /** The labels of series {@code slot} of {@code metric}; empty values left out, as Prometheus. */
  SortedMap<String, String> labels(String metric, int slot) {
    String[] pairs = slots.labelPairs(slot);
    TreeMap<String, String> labels = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].isEmpty()) {
        labels.put(pairs[i], pairs[i + 1]);
      }
    }
    return withIdentity(labels, metric);
  }

  /** The labels of a collector-owned series of this host: its name and {@code instance}. */
  SortedMap<String, String> ownLabels(String metric) {
    return withIdentity(new TreeMap<>(), metric);
  }

  private SortedMap<String, String> withIdentity(TreeMap<String, String> labels, String metric) {
    labels.put(LabelSets.METRIC_NAME, metric);
    labels.put("instance", host.name());
    return Collections.unmodifiableSortedMap(labels);
  }
}
