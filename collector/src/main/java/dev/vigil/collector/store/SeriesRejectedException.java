package dev.vigil.collector.store;

/** A series definition the store refuses; the message names the series and the rule it breaks. */
public final class SeriesRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a definition was refused. */
  public enum Reason {
    /** The host already holds the configured maximum number of series. */
    TOO_MANY_SERIES,
    /** The metric name is already known with another type. */
    TYPE_CONFLICT
  }

  private final Reason reason;

  SeriesRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
