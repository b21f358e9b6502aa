package dev.vigil.collector.ingest;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.store.SeriesStore;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The gRPC server agents stream to: grpc-netty, listeners run inline on the event loops. */
public final class IngestServer implements AutoCloseable {
  private final Server server;

  private IngestServer(Server server) {
    this.server = server;
  }

  /**
   * Binds and starts the server; TLS when the configuration names a certificate, and only agents
   * with an accepted token when it names a tokens file.
   *
   * @param listener told about every applied batch and every claim and release of a host, on the
   *     event loop (the fleet recorder in front of the rule engine)
   */
  public static IngestServer start(
      CollectorConfig config,
      SeriesStore store,
      IngestMetrics metrics,
      BatchListener listener,
      LongSupplier clock)
      throws IOException {
    IngestCallHandler handler =
        new IngestCallHandler(store, config.limits(), metrics, listener, clock);
    ServerServiceDefinition service = handler.serviceDefinition();
    if (config.agentTokens() != null) {
      service =
          ServerInterceptors.intercept(
              service, new AgentTokenInterceptor(config.agentTokens(), metrics, clock));
    }
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(config.ingestListen())
            .directExecutor()
            .maxInboundMessageSize(transportFrameLimit(config.limits()))
            .addService(service);
    if (config.tlsCertificate() != null) {
      builder.sslContext(
          GrpcSslContexts.forServer(
                  config.tlsCertificate().toFile(), config.tlsPrivateKey().toFile())
              .build());
    }
    return new IngestServer(builder.build().start());
  }

  /**
   * gRPC's own size check ends an oversized call with a bare RST_STREAM that agents see as
   * CANCELLED. The stream checks the configured limit itself and answers RESOURCE_EXHAUSTED with a
   * description; gRPC's check stays, at twice the limit, as the hard bound on buffering.
   */
  private static int transportFrameLimit(IngestLimits limits) {
    return (int) Math.min(Integer.MAX_VALUE, 2L * limits.maxFrameBytes());
  }

  /** The bound address; the port is real even when the configuration asked for port 0. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getListenSockets().get(0);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
  }
}
