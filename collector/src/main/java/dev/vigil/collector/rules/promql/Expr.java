package dev.vigil.collector.rules.promql;

/**
 * A parsed expression of Vigil's PromQL subset. The tree is immutable and already checked: types
 * fit (see {@link #type()}), every construct is inside the subset, and every regular expression
 * compiles. Each node means what it means in Prometheus, evaluated within one host:
 *
 * <ul>
 *   <li>{@link NumberLiteral} and {@link TimeFunction} are scalars;
 *   <li>{@link VectorSelector} is the latest sample of each matching series;
 *   <li>{@link RangeFunction} is {@code rate} or {@code increase} over a counter's window;
 *   <li>{@link Aggregation} groups one host's series by labels, always including {@code instance};
 *   <li>{@link Arithmetic} drops the metric name and, between two vectors, pairs series with
 *       identical labels (one-to-one);
 *   <li>{@link Comparison} filters a vector against a scalar and keeps the vector's values.
 * </ul>
 *
 * Parentheses leave no node of their own. {@link ExprPrinter} writes a tree back as PromQL.
 */
public sealed interface Expr
    permits NumberLiteral,
        TimeFunction,
        VectorSelector,
        RangeFunction,
        Aggregation,
        Arithmetic,
        Comparison {

  /** Whether the expression yields one number or a set of labelled series. */
  ValueType type();
}
