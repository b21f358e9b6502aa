package dev.vigil.collector.rules.promql;

/**
 * An expression outside Vigil's PromQL subset or not PromQL at all. {@link #position()} is the
 * offset of the offending character in the expression's text, so that a rule file can point at its
 * line and column; {@link #getMessage()} says what is wrong without the position.
 */
public final class ExprException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int position;

  ExprException(int position, String message) {
    super(message);
    this.position = position;
  }

  /** Offset into the expression's text, from 0. */
  public int position() {
    return position;
  }
}
