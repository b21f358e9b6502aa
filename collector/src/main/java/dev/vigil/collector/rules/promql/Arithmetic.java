package dev.vigil.collector.rules.promql;

import java.util.Objects;

/**
 * {@code left op right}. Between two scalars: a scalar. Between a vector and a scalar: each series
 * of the vector with the scalar, metric name dropped. Between two vectors: one-to-one, each series
 * of {@code left} paired with the series of {@code right} that has the same labels apart from the
 * metric name (unpaired series drop out), e.g. {@code node_filesystem_avail_bytes /
 * node_filesystem_size_bytes}.
 *
 * @param op the operator
 * @param left the left operand
 * @param right the right operand
 */
public record Arithmetic(ArithmeticOp op, Expr left, Expr right) implements Expr {
  public Arithmetic {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public ValueType type() {
    return left.type() == ValueType.VECTOR || right.type() == ValueType.VECTOR
        ? ValueType.VECTOR
        : ValueType.SCALAR;
  }
}
