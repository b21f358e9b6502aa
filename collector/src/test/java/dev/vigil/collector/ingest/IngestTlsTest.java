package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.TestCertificates;
import dev.vigil.collector.store.SeriesStore;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest with --tls-cert/--tls-key: a verifying TLS client streams, a plaintext one cannot. */
class IngestTlsTest {
  @TempDir Path dir;

  @Test
  void shouldAcknowledgeBatchesOverTlsAndTurnAwayPlaintext() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestCertificates.selfSigned(cert, key, "IP:127.0.0.1");
    CollectorConfig config =
        CollectorConfig.parse("--tls-cert", cert.toString(), "--tls-key", key.toString())
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    SeriesStore store = new SeriesStore(100);
    try (IngestServer server =
        IngestServer.start(
            config,
            store,
            new IngestMetrics(),
            (h, at, catchingUp) -> {},
            System::currentTimeMillis)) {
      ManagedChannel tls =
          NettyChannelBuilder.forAddress(server.address())
              .sslContext(GrpcSslContexts.forClient().trustManager(cert.toFile()).build())
              .build();
      ManagedChannel plain =
          NettyChannelBuilder.forAddress(server.address()).usePlaintext().build();
      try {
        RawStream overTls =
            RawStream.open(
                tls, Frames.hello("secure"), Frames.cpuCatalog(2), Frames.denseBatch(5, 1, 2));
        assertEquals(5, overTls.nextAck());
        assertEquals(2.0, store.find("secure").slots().values()[1]);

        RawStream overPlaintext = RawStream.open(plain, Frames.hello("plain"));
        assertEquals(Status.Code.UNAVAILABLE, overPlaintext.awaitClose().getCode());
        assertEquals(null, store.find("plain"), "a plaintext stream must reach nothing");
      } finally {
        tls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
