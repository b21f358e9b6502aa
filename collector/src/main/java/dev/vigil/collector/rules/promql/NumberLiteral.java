package dev.vigil.collector.rules.promql;

/** A number written in the expression: {@code 0.9}, {@code 86400}, {@code 1e9}, {@code Inf}. */
public record NumberLiteral(double value) implements Expr {
  @Override
  public ValueType type() {
    return ValueType.SCALAR;
  }
}
