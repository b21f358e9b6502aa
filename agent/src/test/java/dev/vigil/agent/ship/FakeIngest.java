package dev.vigil.agent.ship;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.proto.v1.Ack;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in collector for tests: records every frame it receives, acks every batch and answers a
 * half-close by completing the stream. Served by a real grpc-netty server on loopback.
 */
public final class FakeIngest extends IngestGrpc.IngestImplBase {
  /** Upper bound of every wait in tests. */
  public static final long WAIT_MS = 10_000;

  /** What the fake collector saw: a frame, or the end of a stream ({@code frame == null}). */
  public record Event(AgentFrame frame, boolean completed) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  /** Serves a new fake on 127.0.0.1 at {@code port} (0 for any free port). */
  public static Server serve(FakeIngest ingest, int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(ingest)
        .build()
        .start();
  }

  @Override
  public StreamObserver<AgentFrame> stream(StreamObserver<CollectorFrame> responses) {
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentFrame frame) {
        events.add(new Event(frame, false));
        if (frame.hasBatch()) {
          Ack ack = Ack.newBuilder().setSeq(frame.getBatch().getSeq()).build();
          responses.onNext(CollectorFrame.newBuilder().setAck(ack).build());
        }
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        events.add(new Event(null, true));
        responses.onCompleted();
      }
    };
  }

  /** The next event, waiting at most {@link #WAIT_MS}. */
  public Event nextEvent() throws InterruptedException {
    Event event = events.poll(WAIT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(event, "nothing received within " + WAIT_MS + " ms");
    return event;
  }

  /** The next frame; fails if the stream ends instead. */
  public AgentFrame nextFrame() throws InterruptedException {
    Event event = nextEvent();
    assertNotNull(event.frame(), "stream completed while a frame was expected");
    return event.frame();
  }

  /** Polls {@code condition} until it holds, failing after {@link #WAIT_MS}. */
  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + WAIT_MS + " ms waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
