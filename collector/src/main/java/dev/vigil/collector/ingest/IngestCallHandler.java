package dev.vigil.collector.ingest;

import dev.vigil.collector.store.SeriesStore;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Registers {@code vigil.v1.Ingest/Stream} with a raw handler instead of the generated stub, so
 * that inbound frames reach the listener as gRPC's own {@link InputStream} (no parsed message
 * objects) and the handler controls flow with chunked {@code request(n)}.
 */
public final class IngestCallHandler implements ServerCallHandler<InputStream, CollectorFrame> {
  private final SeriesStore store;
  private final IngestLimits limits;
  private final IngestMetrics metrics;
  private final CatchUpPacer pacer;
  private final BatchListener listener;
  private final LongSupplier clock;

  /**
   * @param listener told about every applied batch and every claim and release of a host
   */
  public IngestCallHandler(
      SeriesStore store,
      IngestLimits limits,
      IngestMetrics metrics,
      BatchListener listener,
      LongSupplier clock) {
    this.store = store;
    this.limits = limits;
    this.metrics = metrics;
    this.pacer = new CatchUpPacer(limits.catchUpBatchesPerSecond(), metrics.catchingUp);
    this.listener = listener;
    this.clock = clock;
  }

  /** The Ingest service bound to this handler, frames passed through undecoded. */
  public ServerServiceDefinition serviceDefinition() {
    MethodDescriptor<InputStream, CollectorFrame> method =
        IngestGrpc.getStreamMethod().toBuilder(
                PassThroughMarshaller.INSTANCE,
                ProtoUtils.marshaller(CollectorFrame.getDefaultInstance()))
            .build();
    return ServerServiceDefinition.builder(IngestGrpc.SERVICE_NAME).addMethod(method, this).build();
  }

  @Override
  public ServerCall.Listener<InputStream> startCall(
      ServerCall<InputStream, CollectorFrame> call, Metadata headers) {
    IngestStream stream =
        new IngestStream(
            call,
            new StreamSession(store, limits, metrics, pacer, listener, clock),
            metrics,
            limits.maxFrameBytes());
    stream.start();
    return stream;
  }

  /** Hands gRPC's inbound stream to the listener as it is; decoding happens there, in place. */
  enum PassThroughMarshaller implements MethodDescriptor.Marshaller<InputStream> {
    INSTANCE;

    @Override
    public InputStream stream(InputStream value) {
      return value;
    }

    @Override
    public InputStream parse(InputStream stream) {
      return stream;
    }
  }
}
