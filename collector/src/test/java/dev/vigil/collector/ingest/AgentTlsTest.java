package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.config.AgentToken;
import dev.vigil.agent.config.CollectorAddress;
import dev.vigil.agent.ship.CollectorChannels;
import dev.vigil.collector.TestCertificates;
import dev.vigil.collector.store.SeriesStore;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent against the real ingest with TLS and agent tokens, on loopback, with openssl's
 * certificates: the agent verifies the collector against its CA file and presents its token.
 */
class AgentTlsTest {
  private static final String TOKEN = "agent-token-0123456789abcdef";

  @TempDir Path dir;
  private final SeriesStore store = new SeriesStore(20_000);
  private SecureIngest ingest;
  private Path tokenFile;

  @AfterEach
  void stop() throws InterruptedException {
    ingest.close();
  }

  /** Serves TLS with a fresh certificate for {@code subjectAltName}; returns it as a CA file. */
  private Path serve(String subjectAltName) throws Exception {
    ingest = SecureIngest.start(dir, store, subjectAltName, TOKEN);
    tokenFile = Files.writeString(dir.resolve("agent.token"), TOKEN + "\n");
    return ingest.certificate();
  }

  private List<CollectorAddress> collector() {
    return List.of(new CollectorAddress("127.0.0.1", ingest.port()));
  }

  private Optional<AgentToken> token() throws Exception {
    return Optional.of(AgentToken.read(tokenFile));
  }

  @Test
  void shouldStreamOverVerifiedTlsWithItsToken() throws Exception {
    Path ca = serve("IP:127.0.0.1");
    AgentConfig config =
        AgentConfig.builder()
            .collector("127.0.0.1:" + ingest.port())
            .tlsCaFile(ca)
            .tokenFile(tokenFile)
            .hostName("secure-agent")
            .interval(Duration.ofHours(1))
            .stateDir(dir.resolve("agent-state"))
            .build();

    try (Agent agent = Agent.start(config)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (agent.highestAckedSeq() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(agent.highestAckedSeq() > 0, "no batch acknowledged within 20 s");
    }
    assertNotNull(store.find("secure-agent"));
  }

  @Test
  void shouldRefuseACollectorWhoseCertificateTheCaFileDoesNotVouchFor() throws Exception {
    serve("IP:127.0.0.1");
    Path otherCa = dir.resolve("other-ca.pem");
    TestCertificates.selfSigned(otherCa, dir.resolve("other-ca.key"), "IP:127.0.0.1");

    Status status =
        streamHello(
            CollectorChannels.open(collector(), Optional.of(otherCa), Optional.empty(), token()));

    assertEquals(Status.Code.UNAVAILABLE, status.getCode(), status.toString());
    assertTrue(causedByHandshake(status), status.toString());
    assertEquals(null, store.find("tls-agent"));
  }

  @Test
  void shouldVerifyTheConfiguredServerNameInsteadOfTheAddress() throws Exception {
    Path ca = serve("DNS:collector.test");

    Status byAddress =
        streamHello(
            CollectorChannels.open(collector(), Optional.of(ca), Optional.empty(), token()));
    ManagedChannel byName =
        CollectorChannels.open(
            collector(), Optional.of(ca), Optional.of("collector.test"), token());
    try {
      RawStream stream =
          RawStream.open(
              byName, Frames.hello("tls-agent"), Frames.cpuCatalog(1), Frames.denseBatch(3, 1));
      assertEquals(3, stream.nextAck());
    } finally {
      byName.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    assertEquals(Status.Code.UNAVAILABLE, byAddress.getCode(), byAddress.toString());
    assertTrue(causedByHandshake(byAddress), byAddress.toString());
  }

  /** Opens a stream, sends Hello and returns how the stream ended. */
  private static Status streamHello(ManagedChannel channel) throws Exception {
    try {
      return RawStream.open(channel, Frames.hello("tls-agent")).awaitClose();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static boolean causedByHandshake(Status status) {
    for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }
}
