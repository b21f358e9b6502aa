package dev.vigil.collector.rules.eval;

import java.util.List;
import java.util.SortedMap;

/**
 * A compiled vector expression: a fixed list of elements, each with its labels (fixed when
 * compiled) and, after {@link #evaluate}, a presence flag and a value. Subclasses fill {@link
 * #present} and {@link #values} in place.
 */
abstract class VectorNode implements HostVector {
  /** Each element's labels as Prometheus carries them, metric name included when it is kept. */
  private final List<SortedMap<String, String>> series;

  private final List<SortedMap<String, String>> alertLabels;
  final boolean[] present;
  final double[] values;

  VectorNode(List<SortedMap<String, String>> series) {
    this.series = List.copyOf(series);
    this.alertLabels = this.series.stream().map(LabelSets::withoutName).toList();
    this.present = new boolean[series.size()];
    this.values = new double[series.size()];
  }

  /** The element's labels, metric name included when the expression keeps it. Cold path. */
  final SortedMap<String, String> series(int element) {
    return series.get(element);
  }

  /** Every element's labels, in element order. Cold path. */
  final List<SortedMap<String, String>> allSeries() {
    return series;
  }

  @Override
  public final int size() {
    return present.length;
  }

  @Override
  public final SortedMap<String, String> labels(int element) {
    return alertLabels.get(element);
  }

  @Override
  public final boolean present(int element) {
    return present[element];
  }

  @Override
  public final double value(int element) {
    return values[element];
  }
}
