package dev.vigil.collector.rules.engine;

import dev.vigil.collector.rules.eval.HostVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compiled expression whose result the test sets: each element is present with a value or absent
 * until the test changes it. Records the instant of every evaluation.
 */
public final class FakeVector implements HostVector {
  private final List<SortedMap<String, String>> labels = new ArrayList<>();
  private boolean[] present = new boolean[0];
  private double[] values = new double[0];
  private long lastEvaluatedAt;
  private int evaluations;

  /** A vector of elements with these labels, all absent. */
  @SafeVarargs
  public static FakeVector of(Map<String, String>... elements) {
    FakeVector vector = new FakeVector();
    for (Map<String, String> element : elements) {
      vector.labels.add(Collections.unmodifiableSortedMap(new TreeMap<>(element)));
    }
    vector.present = new boolean[elements.length];
    vector.values = new double[elements.length];
    return vector;
  }

  /** The element is in the result, with {@code value}. */
  public FakeVector set(int element, double value) {
    present[element] = true;
    values[element] = value;
    return this;
  }

  /** The element is not in the result. */
  public FakeVector absent(int element) {
    present[element] = false;
    return this;
  }

  /** The instant of the last evaluation. */
  public long lastEvaluatedAt() {
    return lastEvaluatedAt;
  }

  /** How many times it was evaluated. */
  public int evaluations() {
    return evaluations;
  }

  @Override
  public int size() {
    return labels.size();
  }

  @Override
  public SortedMap<String, String> labels(int element) {
    return labels.get(element);
  }

  @Override
  public void evaluate(long atMillis) {
    lastEvaluatedAt = atMillis;
    evaluations++;
  }

  @Override
  public boolean present(int element) {
    return present[element];
  }

  @Override
  public double value(int element) {
    return values[element];
  }
}
