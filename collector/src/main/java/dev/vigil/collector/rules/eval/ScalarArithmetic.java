package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.ArithmeticOp;

/** {@code scalar op scalar}, e.g. {@code 14 * 86400}. */
final class ScalarArithmetic implements ScalarNode {
  private final ArithmeticOp op;
  private final ScalarNode left;
  private final ScalarNode right;

  ScalarArithmetic(ArithmeticOp op, ScalarNode left, ScalarNode right) {
    this.op = op;
    this.left = left;
    this.right = right;
  }

  @Override
  public double value(long atMillis) {
    return op.apply(left.value(atMillis), right.value(atMillis));
  }
}
