package dev.vigil.collector.rules.promql;

/** How a {@link LabelMatcher} compares a label's value. */
public enum MatchOp {
  EQUAL("="),
  NOT_EQUAL("!="),
  /** The value matches the regular expression as a whole (Prometheus anchors it). */
  REGEX("=~"),
  NOT_REGEX("!~");

  private final String symbol;

  MatchOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as PromQL spells it. */
  public String symbol() {
    return symbol;
  }
}
