package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.collector.store.SeriesStore;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest with --agent-tokens-file, over TLS on a real gRPC server on loopback: an accepted
 * token streams, a missing or wrong one is refused before any frame is read, and the refusal leaves
 * the other streams alone.
 */
class IngestAuthTest {
  private static final String TOKEN = "fleet-a-0123456789abcdef";

  @TempDir Path dir;
  private final SeriesStore store = new SeriesStore(100);
  private SecureIngest ingest;
  private ManagedChannel tls;

  @BeforeEach
  void start() throws Exception {
    ingest =
        SecureIngest.start(
            dir,
            store,
            "IP:127.0.0.1",
            "# one token per site",
            TOKEN + "   # site hq",
            "",
            "fleet-b-0123456789abcdef");
    tls =
        NettyChannelBuilder.forAddress("127.0.0.1", ingest.port())
            .sslContext(
                GrpcSslContexts.forClient().trustManager(ingest.certificate().toFile()).build())
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    tls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    ingest.close();
  }

  private RawStream openAccepted(String host) throws Exception {
    return RawStream.open(
        withAuthorization("Bearer " + TOKEN),
        Frames.hello(host),
        Frames.cpuCatalog(2),
        Frames.denseBatch(1, 1, 2));
  }

  private Channel withAuthorization(String value) {
    Metadata headers = new Metadata();
    headers.put(AgentTokenInterceptor.AUTHORIZATION, value);
    return ClientInterceptors.intercept(tls, MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @Test
  void shouldAcknowledgeAStreamWithAnAcceptedToken() throws Exception {
    RawStream agent = openAccepted("alpha");

    assertEquals(1, agent.nextAck());
    assertEquals(2.0, store.find("alpha").slots().values()[1]);
  }

  @Test
  void shouldRefuseMissingAndWrongTokensWhileAnotherStreamGoesOn() throws Exception {
    RawStream good = openAccepted("good");
    assertEquals(1, good.nextAck());

    assertRefused(
        "no agent token: send the metadata authorization: Bearer <token>",
        RawStream.open(tls, Frames.hello("intruder"), Frames.cpuCatalog(2)));
    assertRefused(
        "agent token not accepted",
        RawStream.open(
            withAuthorization("Bearer fleet-c-0123456789abcdef"), Frames.hello("intruder")));
    assertRefused(
        "authorization must be Bearer <token>",
        RawStream.open(withAuthorization("Basic " + TOKEN), Frames.hello("intruder")));
    assertNull(store.find("intruder"), "a refused stream must reach nothing");
    assertEquals(3, ingest.metrics().unauthenticated());

    good.send(Frames.denseBatch(2, 5, 6));
    assertEquals(2, good.nextAck());
    assertEquals(6.0, store.find("good").slots().values()[1]);
  }

  private static void assertRefused(String description, RawStream stream)
      throws InterruptedException {
    Status status = stream.awaitClose();
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode(), status.toString());
    assertEquals(description, status.getDescription());
  }
}
