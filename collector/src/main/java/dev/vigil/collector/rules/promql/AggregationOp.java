package dev.vigil.collector.rules.promql;

/** The aggregation operators of the subset. */
public enum AggregationOp {
  SUM,
  AVG,
  MIN,
  MAX,
  /** The number of series in the group. */
  COUNT;

  /** The operator as PromQL spells it. */
  public String promql() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
