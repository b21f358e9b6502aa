package dev.vigil.collector.rules.promql;

import java.util.Objects;

/**
 * {@code left op right} where exactly one side is a vector and the other a scalar: keeps the series
 * for which the comparison holds, with their values and labels (metric name included), as
 * Prometheus does without {@code bool}. The scalar may stand on either side: {@code 0.9 < x} keeps
 * the series of {@code x} above 0.9.
 *
 * @param op the operator
 * @param left the left operand
 * @param right the right operand
 */
public record Comparison(ComparisonOp op, Expr left, Expr right) implements Expr {
  public Comparison {
    Objects.requireNonNull(op, "op");
    if (left.type() == right.type()) {
      throw new IllegalArgumentException("a comparison needs one vector and one scalar");
    }
  }

  /** The vector being filtered. */
  public Expr vector() {
    return left.type() == ValueType.VECTOR ? left : right;
  }

  /** The scalar it is compared with. */
  public Expr threshold() {
    return left.type() == ValueType.SCALAR ? left : right;
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }
}
