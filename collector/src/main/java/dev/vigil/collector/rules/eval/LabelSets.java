package dev.vigil.collector.rules.eval;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Label sets as Prometheus treats them: sorted by name, the metric name under {@code __name__}, an
 * empty value the same as no label. Cold path only.
 */
final class LabelSets {
  /** The label under which Prometheus keeps the metric name. */
  static final String METRIC_NAME = "__name__";

  private LabelSets() {}

  /** An immutable copy of {@code labels} without the metric name. */
  static SortedMap<String, String> withoutName(SortedMap<String, String> labels) {
    TreeMap<String, String> copy = new TreeMap<>(labels);
    copy.remove(METRIC_NAME);
    return Collections.unmodifiableSortedMap(copy);
  }

  /** An immutable copy of {@code labels} with only the labels named in {@code names}. */
  static SortedMap<String, String> only(SortedMap<String, String> labels, Iterable<String> names) {
    TreeMap<String, String> copy = new TreeMap<>();
    for (String name : names) {
      String value = labels.get(name);
      if (value != null) {
        copy.put(name, value);
      }
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /** {@code {a="b", c="d"}}, as Prometheus prints a label set in its messages. */
  static String text(Map<String, String> labels) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(label.getKey()).append("=\"").append(label.getValue()).append('"');
    }
    return out.append('}').toString();
  }
}
