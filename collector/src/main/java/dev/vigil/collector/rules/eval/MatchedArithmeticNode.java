package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.ArithmeticOp;
import java.util.List;
import java.util.SortedMap;

/**
 * {@code vector op vector}, one-to-one: each element is a pair of a left and a right element whose
 * labels agree apart from the metric name, paired when compiled; labelled as the left one without
 * its name. Present when both sides are.
 */
final class MatchedArithmeticNode extends VectorNode {
  private final ArithmeticOp op;
  private final VectorNode left;
  private final VectorNode right;
  private final int[] leftOf;
  private final int[] rightOf;

  /**
   * @param leftOf the left element of each pair
   * @param rightOf the right element of each pair
   * @param series the labels of each pair
   */
  MatchedArithmeticNode(
      ArithmeticOp op,
      VectorNode left,
      VectorNode right,
      int[] leftOf,
      int[] rightOf,
      List<SortedMap<String, String>> series) {
    super(series);
    this.op = op;
    this.left = left;
    this.right = right;
    this.leftOf = leftOf;
    this.rightOf = rightOf;
  }

  @Override
  public void evaluate(long atMillis) {
    left.evaluate(atMillis);
    right.evaluate(atMillis);
    for (int i = 0; i < present.length; i++) {
      int l = leftOf[i];
      int r = rightOf[i];
      present[i] = left.present[l] && right.present[r];
      if (present[i]) {
        values[i] = op.apply(left.values[l], right.values[r]);
      }
    }
  }
}
