package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.ArithmeticOp;

/**
 * {@code vector op scalar} or {@code scalar op vector}: each element with the scalar, the metric
 * name dropped.
 */
final class ArithmeticWithScalarNode extends WithScalarNode {
  private final ArithmeticOp op;

  ArithmeticWithScalarNode(
      ArithmeticOp op, VectorNode vector, ScalarNode scalar, boolean scalarLeft) {
    super(
        vector.allSeries().stream().map(LabelSets::withoutName).toList(),
        vector,
        scalar,
        scalarLeft);
    this.op = op;
  }

  @Override
  boolean combine(int i, double v, double s, boolean scalarLeft) {
    values[i] = scalarLeft ? op.apply(s, v) : op.apply(v, s);
    return true;
  }
}
