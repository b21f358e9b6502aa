package dev.vigil.collector.rules.promql;

/** What an {@link Expr} yields; Vigil's subset has no range vectors outside {@code rate}. */
public enum ValueType {
  /** One number with no labels. */
  SCALAR,
  /** Zero or more series, each a label set and a number. */
  VECTOR
}
