package dev.vigil.collector.rules.promql;

import java.util.List;
import java.util.Objects;

/**
 * {@code op by (labels) (operand)}: one output series per distinct value of {@code by} among the
 * operand's series, labelled with exactly those labels. {@code by} always includes {@code
 * instance}, so a group never spans hosts: Vigil evaluates each host on its own, and the same
 * expression in Prometheus then groups the same way.
 *
 * @param op the operator
 * @param by the grouping labels, in the order written, without duplicates
 * @param operand a vector expression
 */
public record Aggregation(AggregationOp op, List<String> by, Expr operand) implements Expr {
  public Aggregation {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(operand, "operand");
    by = List.copyOf(by);
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }
}
