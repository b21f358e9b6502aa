package dev.vigil.collector.rules.promql;

import java.util.stream.Collectors;

/**
 * Writes an {@link Expr} back as PromQL that parses to the same tree: every binary operation in
 * parentheses, so the text shows how the parser grouped it, and strings in double quotes.
 */
public final class ExprPrinter {
  private ExprPrinter() {}

  /** {@code expr} as PromQL. */
  public static String print(Expr expr) {
    if (expr instanceof NumberLiteral n) {
      return number(n.value());
    }
    if (expr instanceof TimeFunction) {
      return "time()";
    }
    if (expr instanceof VectorSelector s) {
      return selector(s);
    }
    if (expr instanceof RangeFunction r) {
      return r.function().promql()
          + "("
          + selector(r.selector())
          + "["
          + PromDuration.format(r.range())
          + "])";
    }
    if (expr instanceof Aggregation a) {
      return a.op().promql()
          + " by ("
          + String.join(", ", a.by())
          + ") ("
          + print(a.operand())
          + ")";
    }
    if (expr instanceof Arithmetic a) {
      return binary(a.left(), a.op().symbol(), a.right());
    }
    Comparison c = (Comparison) expr;
    return binary(c.left(), c.op().symbol(), c.right());
  }

  private static String binary(Expr left, String operator, Expr right) {
    return "(" + print(left) + " " + operator + " " + print(right) + ")";
  }

  private static String selector(VectorSelector selector) {
    if (selector.matchers().isEmpty()) {
      return selector.metric();
    }
    return selector.metric()
        + selector.matchers().stream()
            .map(m -> m.label() + m.op().symbol() + quote(m.value()))
            .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String value) {
    return "\""
        + value
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        + "\"";
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
