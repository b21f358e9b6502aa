package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.AggregationOp;
import java.util.List;
import java.util.SortedMap;

/**
 * {@code op by (labels) (operand)}: the operand's elements grouped when compiled; each evaluation
 * folds the present ones in operand order exactly as Prometheus 2.42's {@code aggregation} does, so
 * that sums and means agree to the last bit. A group is present when any member is.
 */
final class AggregationNode extends VectorNode {
  private final AggregationOp op;
  private final VectorNode operand;
  private final int[] groupOf;
  private final int[] counts;
  private final double[] means;

  /**
   * @param groupOf the group (element of this node) of each operand element
   * @param groups the labels of each group
   */
  AggregationNode(
      AggregationOp op, VectorNode operand, int[] groupOf, List<SortedMap<String, String>> groups) {
    super(groups);
    this.op = op;
    this.operand = operand;
    this.groupOf = groupOf;
    this.counts = new int[groups.size()];
    this.means = new double[groups.size()];
  }

  @Override
  public void evaluate(long atMillis) {
    operand.evaluate(atMillis);
    for (int g = 0; g < counts.length; g++) {
      counts[g] = 0;
      present[g] = false;
    }
    for (int i = 0; i < groupOf.length; i++) {
      if (operand.present[i]) {
        add(groupOf[i], operand.values[i]);
      }
    }
    for (int g = 0; g < counts.length; g++) {
      if (present[g] && op == AggregationOp.AVG) {
        values[g] = means[g];
      } else if (present[g] && op == AggregationOp.COUNT) {
        values[g] = counts[g];
      }
    }
  }

  private void add(int g, double v) {
    if (!present[g]) {
      present[g] = true;
      values[g] = v;
      means[g] = v;
      counts[g] = 1;
      return;
    }
    switch (op) {
      case SUM -> values[g] += v;
      case AVG -> addToMean(g, v);
      case MAX -> values[g] = values[g] < v || Double.isNaN(values[g]) ? v : values[g];
      case MIN -> values[g] = values[g] > v || Double.isNaN(values[g]) ? v : values[g];
      case COUNT -> counts[g]++;
    }
  }

  /** Prometheus' incremental mean, including how it keeps an infinite mean from turning NaN. */
  private void addToMean(int g, double v) {
    int n = ++counts[g];
    double mean = means[g];
    if (Double.isInfinite(mean)) {
      if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
        return;
      }
      if (!Double.isInfinite(v) && !Double.isNaN(v)) {
        return;
      }
    }
    // Dividing each term first keeps large values from overflowing, as in Prometheus.
    means[g] = mean + (v / n - mean / n);
  }
}
