package dev.vigil.collector.rules.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code rate(selector[range])} or {@code increase(selector[range])} over counters, per series,
 * with Prometheus' handling of counter resets and its extrapolation to the window's edges (so that
 * Vigil and Prometheus agree on the same samples). The result drops the metric name.
 *
 * @param function which of the two
 * @param selector the counters
 * @param range the window, positive
 */
public record RangeFunction(Kind function, VectorSelector selector, Duration range)
    implements Expr {

  /** The functions over a range that the subset has. */
  public enum Kind {
    /** Per-second average increase over the window. */
    RATE("rate"),
    /** Increase over the window: {@code rate} times the window's seconds. */
    INCREASE("increase");

    private final String promql;

    Kind(String promql) {
      this.promql = promql;
    }

    /** The function's name in PromQL. */
    public String promql() {
      return promql;
    }
  }

  public RangeFunction {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(selector, "selector");
    if (range.isNegative() || range.isZero()) {
      throw new IllegalArgumentException("range must be positive, got " + range);
    }
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }
}
