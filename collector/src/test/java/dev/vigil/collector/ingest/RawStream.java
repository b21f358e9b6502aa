package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client stream to the ingest that sends frames as raw bytes, so that tests can send what no
 * agent would, and collects what the collector answers: acks, paces and the closing status.
 */
public final class RawStream implements StreamObserver<CollectorFrame> {
  private static final MethodDescriptor<byte[], CollectorFrame> RAW_STREAM =
      IngestGrpc.getStreamMethod().toBuilder(
              new RawMarshaller(), ProtoUtils.marshaller(CollectorFrame.getDefaultInstance()))
          .build();

  private final LinkedBlockingQueue<Long> acks = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Integer> paces = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Status> closed = new LinkedBlockingQueue<>();
  private StreamObserver<byte[]> requests;

  /** Opens a stream on {@code channel} and sends {@code frames} (encoded AgentFrames). */
  public static RawStream open(Channel channel, byte[]... frames) {
    RawStream stream = new RawStream();
    stream.requests =
        ClientCalls.asyncBidiStreamingCall(
            channel.newCall(RAW_STREAM, CallOptions.DEFAULT), stream);
    stream.send(frames);
    return stream;
  }

  public void send(byte[]... frames) {
    for (byte[] frame : frames) {
      requests.onNext(frame);
    }
  }

  public void finish() {
    requests.onCompleted();
  }

  public long nextAck() throws InterruptedException {
    Long ack = acks.poll(10, TimeUnit.SECONDS);
    assertNotNull(ack, "no ack within 10 s; stream closed with " + closed.peek());
    return ack;
  }

  int nextPace() throws InterruptedException {
    Integer pace = paces.poll(10, TimeUnit.SECONDS);
    assertNotNull(pace, "no Pace within 10 s; stream closed with " + closed.peek());
    return pace;
  }

  public Status awaitClose() throws InterruptedException {
    Status status = closed.poll(10, TimeUnit.SECONDS);
    assertNotNull(status, "stream not closed within 10 s");
    return status;
  }

  /** The closing status if the stream has closed, else null. */
  Status closedStatus() {
    return closed.peek();
  }

  @Override
  public void onNext(CollectorFrame frame) {
    switch (frame.getFrameCase()) {
      case ACK -> acks.add(frame.getAck().getSeq());
      case PACE -> paces.add(frame.getPace().getReplayBatchesPerSecond());
      default -> throw new AssertionError("unexpected frame " + frame);
    }
  }

  @Override
  public void onError(Throwable t) {
    closed.add(Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    closed.add(Status.OK);
  }

  /** Sends bytes exactly as given. */
  private static final class RawMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      throw new UnsupportedOperationException("the client only sends raw frames");
    }
  }
}
