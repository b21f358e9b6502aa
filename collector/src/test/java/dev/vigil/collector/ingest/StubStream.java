package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One stream to the ingest through the generated stub, and what the collector sent back. */
final class StubStream implements StreamObserver<CollectorFrame> {
  private final LinkedBlockingQueue<Long> acks = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Status> closed = new LinkedBlockingQueue<>();
  private StreamObserver<AgentFrame> requests;

  /** Opens a stream on {@code channel} and sends {@code frames} (encoded AgentFrames). */
  static StubStream open(Channel channel, byte[]... frames) throws Exception {
    StubStream stream = new StubStream();
    stream.requests = IngestGrpc.newStub(channel).stream(stream);
    stream.send(frames);
    return stream;
  }

  void send(byte[]... frames) throws Exception {
    for (byte[] frame : frames) {
      requests.onNext(AgentFrame.parseFrom(frame));
    }
  }

  long nextAck() throws InterruptedException {
    Long ack = acks.poll(10, TimeUnit.SECONDS);
    assertNotNull(ack, "no ack within 10 s; stream closed with " + closed.peek());
    return ack;
  }

  Status awaitClose() throws InterruptedException {
    Status status = closed.poll(10, TimeUnit.SECONDS);
    assertNotNull(status, "stream not closed within 10 s");
    return status;
  }

  @Override
  public void onNext(CollectorFrame frame) {
    if (frame.hasAck()) {
      acks.add(frame.getAck().getSeq());
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
}
