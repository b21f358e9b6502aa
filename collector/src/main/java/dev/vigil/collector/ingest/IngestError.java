package dev.vigil.collector.ingest;

import io.grpc.Status;

/** Why the collector ended a stream; the {@code reason} label of the decode-error counter. */
public enum IngestError {
  /** The bytes are not a valid frame (truncated, wrong wire type, lengths past the end). */
  MALFORMED("malformed", Status.Code.INVALID_ARGUMENT),
  /** A valid frame at the wrong time or with wrong references (no Hello, gap in a catalog). */
  PROTOCOL("protocol", Status.Code.INVALID_ARGUMENT),
  /** A configured limit was passed (series per host, symbols per stream, label length). */
  LIMIT("limit", Status.Code.RESOURCE_EXHAUSTED),
  /** A newer stream of the same host took over. */
  SUPERSEDED("superseded", Status.Code.ABORTED);

  private final String label;
  private final Status.Code code;

  IngestError(String label, Status.Code code) {
    this.label = label;
    this.code = code;
  }

  /** Value of the {@code reason} label. */
  public String label() {
    return label;
  }

  Status.Code code() {
    return code;
  }
}
