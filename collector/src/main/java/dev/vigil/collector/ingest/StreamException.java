package dev.vigil.collector.ingest;

import io.grpc.Status;

/** Ends one stream with a gRPC status whose description tells the agent what was wrong. */
public final class StreamException extends Exception {
  private static final long serialVersionUID = 1L;

  private final IngestError error;

  StreamException(IngestError error, String description) {
    super(description, null, false, false);
    this.error = error;
  }

  public IngestError error() {
    return error;
  }

  public Status status() {
    return Status.fromCode(error.code()).withDescription(getMessage());
  }
}
