package dev.vigil.collector.rules.promql;

/** The comparison operators; as in Prometheus, NaN compares false except with {@code !=}. */
public enum ComparisonOp {
  GREATER(">"),
  LESS("<"),
  GREATER_OR_EQUAL(">="),
  LESS_OR_EQUAL("<="),
  EQUAL("=="),
  NOT_EQUAL("!=");

  private final String symbol;

  ComparisonOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as PromQL spells it. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code left op right} holds. */
  public boolean test(double left, double right) {
    return switch (this) {
      case GREATER -> left > right;
      case LESS -> left < right;
      case GREATER_OR_EQUAL -> left >= right;
      case LESS_OR_EQUAL -> left <= right;
      case EQUAL -> left == right;
      case NOT_EQUAL -> left != right;
    };
  }
}
