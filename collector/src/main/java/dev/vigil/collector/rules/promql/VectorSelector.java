package dev.vigil.collector.rules.promql;

import java.util.List;
import java.util.Objects;

/**
 * The latest sample of each series of one host named {@code metric} whose labels satisfy every
 * matcher, e.g. {@code node_filesystem_avail_bytes{fstype!="tmpfs"}}.
 *
 * @param metric the metric name; Vigil's subset always names one
 * @param matchers the label matchers in the order written; the metric name is not among them
 */
public record VectorSelector(String metric, List<LabelMatcher> matchers) implements Expr {
  public VectorSelector {
    Objects.requireNonNull(metric, "metric");
    matchers = List.copyOf(matchers);
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }
}
