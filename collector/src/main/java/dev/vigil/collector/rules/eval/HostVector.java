package dev.vigil.collector.rules.eval;

import java.util.SortedMap;

/**
 * One rule expression compiled for one host. The label sets it can return are fixed when it is
 * compiled (a host's series change only with its catalog), so its result is a fixed list of
 * elements, each present or absent at an evaluation, with a value when present.
 *
 * <p>Not thread-safe: the caller serialises {@link #evaluate} with {@link HostProgram#observe()} of
 * the same program and reads {@link #present}/{@link #value} before the next evaluation.
 */
public interface HostVector {
  /** How many elements the expression can return on this host. */
  int size();

  /**
   * The labels of an element as an alert would carry them: the series' labels including {@code
   * instance}, without the metric name. Cold path; the map is immutable.
   */
  SortedMap<String, String> labels(int element);

  /**
   * Evaluates the expression at {@code atMillis} (ms since the epoch), as Prometheus would at that
   * instant: an instant selector sees a series' latest sample if it is at most 5 minutes old,
   * {@code time()} is {@code atMillis / 1000.0}. Allocates nothing.
   */
  void evaluate(long atMillis);

  /** Whether the element is in the result of the last {@link #evaluate}. */
  boolean present(int element);

  /** The element's value in the last {@link #evaluate}; meaningful only when present. */
  double value(int element);
}
