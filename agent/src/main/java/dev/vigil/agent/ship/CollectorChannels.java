package dev.vigil.agent.ship;

import dev.vigil.agent.config.AgentToken;
import dev.vigil.agent.config.CollectorAddress;
import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the channel the agent streams through: one gRPC channel per collector behind a {@link
 * FailoverChannel}, each over TLS that verifies the collector against the configured CA file (or
 * plaintext, which the configuration allows only to loopback unless told otherwise), each carrying
 * the agent's token when there is one.
 */
public final class CollectorChannels {
  // The server side of grpc-java refuses pings more often than every 5 minutes by default.
  private static final long KEEPALIVE_MINUTES = 5;

  private CollectorChannels() {}

  /**
   * Opens the channels; no connection is made until the first call.
   *
   * @param collectors in the order they are tried
   * @param caFile PEM CA certificates that verify each collector; empty for plaintext
   * @param serverName name the certificates must carry, if not each collector's host
   * @param token sent with every call, if present
   * @throws UncheckedIOException when the CA file cannot be read
   */
  public static ManagedChannel open(
      List<CollectorAddress> collectors,
      Optional<Path> caFile,
      Optional<String> serverName,
      Optional<AgentToken> token) {
    ChannelCredentials transport =
        caFile.map(CollectorChannels::tls).orElseGet(InsecureChannelCredentials::create);
    List<ManagedChannel> channels = new ArrayList<>();
    for (CollectorAddress collector : collectors) {
      ChannelCredentials credentials =
          token
              .map(
                  t ->
                      CompositeChannelCredentials.create(
                          transport, new BearerToken(t, collector.isLoopback())))
              .orElse(transport);
      NettyChannelBuilder builder =
          NettyChannelBuilder.forAddress(collector.host(), collector.port(), credentials)
              // The stream's callbacks only post to the shipper's thread, so they run on the event
              // loop rather than wake a thread of gRPC's shared executor for every ack.
              .directExecutor()
              .keepAliveTime(KEEPALIVE_MINUTES, TimeUnit.MINUTES);
      serverName.ifPresent(builder::overrideAuthority);
      channels.add(builder.build());
    }
    return new FailoverChannel(collectors, channels);
  }

  private static ChannelCredentials tls(Path caFile) {
    try {
      return TlsChannelCredentials.newBuilder().trustManager(caFile.toFile()).build();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the CA certificates in " + caFile, e);
    }
  }
}
