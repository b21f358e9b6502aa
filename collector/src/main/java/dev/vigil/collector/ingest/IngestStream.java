package dev.vigil.collector.ingest;

import dev.vigil.proto.v1.Ack;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.Pace;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC's view of one agent stream. Runs inline on the connection's event loop (the server uses a
 * direct executor), copies each frame into the thread's scratch buffer, hands it to the session,
 * acknowledges applied batches and asks for more frames in chunks rather than one at a time.
 */
final class IngestStream extends ServerCall.Listener<InputStream> {
  private static final Logger log = LoggerFactory.getLogger(IngestStream.class);

  /** Frames requested at a time; a steady agent sends one every tick, a replay many. */
  static final int REQUEST_CHUNK = 32;

  private final ServerCall<InputStream, CollectorFrame> call;
  private final StreamSession session;
  private final IngestMetrics metrics;
  private final int maxFrameBytes;
  private int untilNextRequest = REQUEST_CHUNK;
  private boolean closed;

  IngestStream(
      ServerCall<InputStream, CollectorFrame> call,
      StreamSession session,
      IngestMetrics metrics,
      int maxFrameBytes) {
    this.call = call;
    this.session = session;
    this.metrics = metrics;
    this.maxFrameBytes = maxFrameBytes;
  }

  void start() {
    metrics.streams.incrementAndGet();
    call.sendHeaders(new Metadata());
    call.request(2 * REQUEST_CHUNK);
  }

  @Override
  public void onMessage(InputStream message) {
    if (closed) {
      return;
    }
    IngestScratch scratch = IngestScratch.get();
    try {
      int length = scratch.readFrame(message, maxFrameBytes);
      metrics.bytes.add(length);
      long ack = session.onFrame(scratch.decoder, scratch.buffer(), length);
      if (ack > 0) {
        call.sendMessage(CollectorFrame.newBuilder().setAck(Ack.newBuilder().setSeq(ack)).build());
      }
      int pace = session.paceDue();
      if (pace != StreamCatchUp.NONE) {
        call.sendMessage(
            CollectorFrame.newBuilder()
                .setPace(Pace.newBuilder().setReplayBatchesPerSecond(pace))
                .build());
      }
    } catch (StreamException e) {
      metrics.error(e.error());
      end(e.status());
      return;
    } catch (IOException e) {
      end(Status.INTERNAL.withDescription("reading frame: " + e.getMessage()));
      return;
    }
    if (--untilNextRequest == 0) {
      untilNextRequest = REQUEST_CHUNK;
      call.request(REQUEST_CHUNK);
    }
  }

  private void end(Status status) {
    closed = true;
    if (log.isInfoEnabled()) {
      var host = session.host();
      log.info(
          "ending stream of {}: {} {}",
          host == null ? "unknown host" : host.name(),
          status.getCode(),
          status.getDescription());
    }
    session.onClose();
    call.close(status, new Metadata());
  }

  @Override
  public void onHalfClose() {
    if (!closed) {
      closed = true;
      session.onClose();
      call.close(Status.OK, new Metadata());
    }
  }

  @Override
  public void onCancel() {
    closed = true;
    session.onClose();
    metrics.streams.decrementAndGet();
  }

  /** gRPC ends every call with exactly one of this and {@link #onCancel()}. */
  @Override
  public void onComplete() {
    metrics.streams.decrementAndGet();
  }
}
