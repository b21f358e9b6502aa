package dev.vigil.collector.rules.eval;

/** A number written in the expression. */
final class ConstantScalar implements ScalarNode {
  private final double value;

  ConstantScalar(double value) {
    this.value = value;
  }

  @Override
  public double value(long atMillis) {
    return value;
  }
}
