package dev.vigil.collector.rules.eval;

/** A compiled scalar expression: a number, {@code time()}, or arithmetic between them. */
interface ScalarNode {
  /** The scalar at {@code atMillis}. Allocates nothing. */
  double value(long atMillis);
}
