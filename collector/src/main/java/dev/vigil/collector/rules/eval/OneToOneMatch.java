package dev.vigil.collector.rules.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Pairs the elements of two vectors one-to-one on their labels without the metric name, as
 * Prometheus 2.42's {@code VectorBinop} does, but once when compiled. A pairing Prometheus refuses
 * (two right elements alike, or two left elements meeting one right) becomes {@link #refusal()}.
 */
final class OneToOneMatch {
  private final List<Integer> left = new ArrayList<>();
  private final List<Integer> right = new ArrayList<>();
  private final List<SortedMap<String, String>> series = new ArrayList<>();
  private String refusal;

  OneToOneMatch(VectorNode lhs, VectorNode rhs) {
    Map<SortedMap<String, String>, Integer> rightBySignature = new HashMap<>();
    for (int r = 0; r < rhs.size(); r++) {
      Integer earlier = rightBySignature.putIfAbsent(rhs.labels(r), r);
      if (earlier != null) {
        refuse(
            "found duplicate series for the match group "
                + LabelSets.text(rhs.labels(r))
                + " on the right hand-side of the operation: ["
                + LabelSets.text(rhs.series(r))
                + ", "
                + LabelSets.text(rhs.series(earlier))
                + "];many-to-many matching not allowed: matching labels must be unique on one side");
        return;
      }
    }
    Map<SortedMap<String, String>, Integer> matched = new HashMap<>();
    for (int l = 0; l < lhs.size(); l++) {
      Integer r = rightBySignature.get(lhs.labels(l));
      if (r == null) {
        continue;
      }
      if (matched.putIfAbsent(lhs.labels(l), l) != null) {
        refuse(
            "multiple matches for labels "
                + LabelSets.text(lhs.labels(l))
                + ": many-to-one matching must be explicit (group_left/group_right)");
        return;
      }
      left.add(l);
      right.add(r);
      series.add(lhs.labels(l));
    }
  }

  private void refuse(String why) {
    refusal = why;
    left.clear();
    right.clear();
    series.clear();
  }

  /** Why Prometheus would fail the expression on this host, or null when it would not. */
  String refusal() {
    return refusal;
  }

  /** The left element of each pair. */
  int[] left() {
    return left.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The right element of each pair. */
  int[] right() {
    return right.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The labels of each pair: the left element's, without the metric name. */
  List<SortedMap<String, String>> series() {
    return series;
  }
}
