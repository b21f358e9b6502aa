package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.ComparisonOp;

/**
 * {@code vector op scalar} or {@code scalar op vector} without {@code bool}: keeps the elements for
 * which the comparison holds, with the vector's value and labels (metric name included).
 */
final class ComparisonNode extends WithScalarNode {
  private final ComparisonOp op;

  ComparisonNode(ComparisonOp op, VectorNode vector, ScalarNode scalar, boolean scalarLeft) {
    super(vector.allSeries(), vector, scalar, scalarLeft);
    this.op = op;
  }

  @Override
  boolean combine(int i, double v, double s, boolean scalarLeft) {
    values[i] = v;
    return scalarLeft ? op.test(s, v) : op.test(v, s);
  }
}
