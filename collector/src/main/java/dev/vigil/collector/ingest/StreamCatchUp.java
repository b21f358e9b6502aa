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
  private boolean paced;
  private int told = NONE;
  private int due = NONE;

  StreamCatchUp(CatchUpPacer pacer) {
    this.pacer = pacer;
  }

  /** The stream announced {@code backlog} batches before its live ticks. */
  void start(long backlog) {
    if (backlog <= 0) {
      return;
    }
    remaining = backlog;
    paced = pacer.enabled();
    if (paced) {
      pacer.join();
      due = pacer.share();
    }
  }

  /** A batch arrived, new or a replay of one already applied: both were part of the backlog. */
  void batchReceived() {
    if (remaining == 0) {
      return;
    }
    if (--remaining == 0) {
      leave();
      return;
    }
    if (!paced) {
      return;
    }
    int share = pacer.share();
    if (Math.abs(share - told) * 5L > told) {
      due = share;
    }
  }

  /**
   * Whether more of the announced backlog is still to come: the stream is replaying history, which
   * the rules evaluate without raising incidents for a past that is over.
   */
  boolean catchingUp() {
    return remaining > 0;
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
      leave();
    }
  }

  private void leave() {
    if (paced) {
      pacer.leave();
    }
  }
}
