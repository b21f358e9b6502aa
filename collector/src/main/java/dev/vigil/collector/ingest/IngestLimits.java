package dev.vigil.collector.ingest;

/**
 * Bounds on what one agent may send, so that one broken or hostile agent cannot exhaust the
 * collector. Passing one ends that stream with {@code RESOURCE_EXHAUSTED} and a description.
 *
 * @param maxFrameBytes largest encoded frame accepted (enforced by gRPC before decoding)
 * @param maxSeriesPerHost most series one host may define
 * @param maxSymbolsPerStream most symbols one stream may intern in one epoch
 * @param maxLabelLength longest symbol (metric name, label name or value, help text), in chars
 * @param catchUpBatchesPerSecond replay rate shared by all agents catching up; 0 = unpaced
 */
public record IngestLimits(
    int maxFrameBytes,
    int maxSeriesPerHost,
    int maxSymbolsPerStream,
    int maxLabelLength,
    int catchUpBatchesPerSecond) {
  /** Most label pairs on one series; node_exporter's widest series carry about ten. */
  public static final int MAX_LABELS_PER_SERIES = 32;

  /** Most host labels in one Hello. */
  public static final int MAX_HOST_LABELS = 32;
}
