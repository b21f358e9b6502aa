package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.ExternalTools;
import dev.vigil.collector.store.SeriesStore;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
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
    selfSigned(cert, key);
    CollectorConfig config =
        CollectorConfig.parse("--tls-cert", cert.toString(), "--tls-key", key.toString())
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    SeriesStore store = new SeriesStore(100);
    try (IngestServer server =
        IngestServer.start(config, store, new IngestMetrics(), System::currentTimeMillis)) {
      ManagedChannel tls =
          NettyChannelBuilder.forAddress(server.address())
              .sslContext(GrpcSslContexts.forClient().trustManager(cert.toFile()).build())
              .build();
      ManagedChannel plain =
          NettyChannelBuilder.forAddress(server.address()).usePlaintext().build();
      try {
        Answers overTls =
            stream(tls, Frames.hello("secure"), Frames.cpuCatalog(2), Frames.denseBatch(5, 1, 2));
        assertEquals(5, overTls.nextAck());
        assertEquals(2.0, store.find("secure").slots().values()[1]);

        Answers overPlaintext = stream(plain, Frames.hello("plain"));
        assertEquals(Status.Code.UNAVAILABLE, overPlaintext.awaitClose().getCode());
        assertEquals(null, store.find("plain"), "a plaintext stream must reach nothing");
      } finally {
        tls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** A certificate for 127.0.0.1, made by the real openssl. */
  private static void selfSigned(Path cert, Path key) throws Exception {
    Process openssl =
        new ProcessBuilder(
                ExternalTools.require("openssl"),
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
    assertEquals(0, openssl.exitValue(), output);
  }

  private static Answers stream(ManagedChannel channel, byte[]... frames) throws Exception {
    Answers answers = new Answers();
    StreamObserver<AgentFrame> requests = IngestGrpc.newStub(channel).stream(answers);
    for (byte[] frame : frames) {
      requests.onNext(AgentFrame.parseFrom(frame));
    }
    return answers;
  }

  /** What the collector sent back on one stream. */
  private static final class Answers implements StreamObserver<CollectorFrame> {
    private final LinkedBlockingQueue<Long> acks = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Status> closed = new LinkedBlockingQueue<>();

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
      acks.add(frame.getAck().getSeq());
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
}
