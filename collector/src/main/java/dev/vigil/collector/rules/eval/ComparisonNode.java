package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.ComparisonOp;

/**
 * {@code vector op scalar} or {@code scalar op vector} without {@code bool}: keeps the elements for
 * which the comparison holds, with the vector's value and labels (metric name included).
 */
final class ComparisonNode extends VectorNode {
  private final ComparisonOp op;
  private final VectorNode vector;
  private final ScalarNode scalar;
  private final boolean scalarLeft;

  ComparisonNode(ComparisonOp op, VectorNode vector, ScalarNode scalar, boolean scalarLeft) {
    super(vector.allSeries());
    this.op = op;
    this.vector = vector;
    this.scalar = scalar;
    this.scalarLeft = scalarLeft;
  }

  @Override
  public void evaluate(long atMillis) {
    vector.evaluate(atMillis);
    double s = scalar.value(atMillis);
    for (int i = 0; i < present.length; i++) {
      double v = vector.values[i];
      present[i] = vector.present[i] && (scalarLeft ? op.test(s, v) : op.test(v, s));
      values[i] = v;
    }
  }
}
