package dev.vigil.collector.rules.eval;

import java.util.List;
import java.util.SortedMap;

/**
 * A vector and a scalar on either side of an operator: each element of the vector meets the scalar.
 * Subclasses say what an element becomes.
 */
abstract class WithScalarNode extends VectorNode {
  private final VectorNode vector;
  private final ScalarNode scalar;
  private final boolean scalarLeft;

  WithScalarNode(
      List<SortedMap<String, String>> series,
      VectorNode vector,
      ScalarNode scalar,
      boolean scalarLeft) {
    super(series);
    this.vector = vector;
    this.scalar = scalar;
    this.scalarLeft = scalarLeft;
  }

  @Override
  public final void evaluate(long atMillis) {
    vector.evaluate(atMillis);
    double s = scalar.value(atMillis);
    for (int i = 0; i < present.length; i++) {
      present[i] = vector.present[i] && combine(i, vector.values[i], s, scalarLeft);
    }
  }

  /**
   * Sets element {@code i}'s value from the vector's {@code v} and the scalar {@code s}.
   *
   * @return whether the element is in the result
   */
  abstract boolean combine(int i, double v, double s, boolean scalarLeft);
}
