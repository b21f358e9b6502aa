package dev.vigil.agent.spool;

/**
 * A reading position in the spool: a segment and an offset in it, with the scanner that holds the
 * last record read. Each reader has its own; the spool moves it under its lock.
 */
final class SpoolCursor {
  final RecordScanner scanner = new RecordScanner();

  /** Base seq of the segment being read; -1 before the first read. */
  long segmentBase = -1;

  /** Where the next record of that segment starts. */
  long offset;

  /** Where the last record read starts. */
  long recordStart;

  /** Epoch of the segment being read, -1 when unknown. */
  long epoch = -1;

  /** Set when a read moved to another segment: earlier ticks no longer apply. */
  boolean enteredSegment;
}
