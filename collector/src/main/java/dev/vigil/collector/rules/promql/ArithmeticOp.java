package dev.vigil.collector.rules.promql;

/** The arithmetic operators of the subset; IEEE 754 as in Prometheus ({@code x / 0} is ±Inf). */
public enum ArithmeticOp {
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/");

  private final String symbol;

  ArithmeticOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as PromQL spells it. */
  public String symbol() {
    return symbol;
  }

  /** {@code left op right}. */
  public double apply(double left, double right) {
    return switch (this) {
      case ADD -> left + right;
      case SUBTRACT -> left - right;
      case MULTIPLY -> left * right;
      case DIVIDE -> left / right;
    };
  }
}
