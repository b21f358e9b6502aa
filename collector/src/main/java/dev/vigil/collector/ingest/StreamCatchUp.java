package dev.vigil.collector.ingest;

/**
 * One stream's part in catch-up pacing: how much of its announced backlog is still to come and
 * which rate it was last told. Counting a batch and comparing two ints is all the hot path does; a
 * new {@code Pace} is due only when the stream's fair share moved by more than a fifth, so that
 * agents joining and leaving one by one do not trigger a storm of Pace frames.
 */
final class StreamCatchUp {
  /** No Pace is due. */
  static final int NONE = -1;

  private final CatchUpPacer pacer;
  private long remaining;
  private int told = NONE;
  private int due = NONE;

  StreamCatchUp(CatchUpPacer pacer) {
    this.pacer = pacer;
  }

  /** The stream announced {@code backlog} batches before its live ticks. */
  void start(long backlog) {
    if (backlog <= 0 || !pacer.enabled()) {
      return;
    }
    remaining = backlog;
    pacer.join();
    due = pacer.share();
  }

  /** A batch arrived, new or a replay of one already applied: both were part of the backlog. */
  void batchReceived() {
    if (remaining == 0) {
      return;
    }
    if (--remaining == 0) {
      pacer.leave();
      return;
    }
    int share = pacer.share();
    if (Math.abs(share - told) * 5L > told) {
      due = share;
    }
  }

  /** The rate to send to the agent now, or {@link #NONE}; each value is handed out once. */
  int takeDue() {
    int pace = due;
    if (pace != NONE) {
      told = pace;
      due = NONE;
    }
    return pace;
  }

  /** The stream ended; a backlog left unsent no longer takes a share. */
  void close() {
    if (remaining > 0) {
      remaining = 0;
      pacer.leave();
    }
  }
}
