package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.ArithmeticOp;

/**
 * {@code vector op scalar} or {@code scalar op vector}: each element with the scalar, the metric
 * name dropped.
 */
final class ScalarOperandNode extends VectorNode {
  private final ArithmeticOp op;
  private final VectorNode vector;
  private final ScalarNode scalar;
  private final boolean scalarLeft;

  ScalarOperandNode(ArithmeticOp op, VectorNode vector, ScalarNode scalar, boolean scalarLeft) {
    super(vector.allSeries().stream().map(LabelSets::withoutName).toList());
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
      present[i] = vector.present[i];
      if (present[i]) {
        double v = vector.values[i];
        values[i] = scalarLeft ? op.apply(s, v) : op.apply(v, s);
      }
    }
  }
}
