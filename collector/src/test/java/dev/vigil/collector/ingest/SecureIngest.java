package dev.vigil.collector.ingest;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.TestCertificates;
import dev.vigil.collector.store.SeriesStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real ingest on loopback with TLS (a fresh self-signed openssl certificate) and an agent tokens
 * file, as a collector beyond loopback would run.
 *
 * @param server the running server
 * @param certificate its certificate, which clients can trust as their CA file
 * @param metrics its counters
 */
record SecureIngest(IngestServer server, Path certificate, IngestMetrics metrics)
    implements AutoCloseable {

  /**
   * @param subjectAltName the certificate's name, e.g. {@code IP:127.0.0.1}
   * @param tokenLines the lines of the tokens file
   */
  static SecureIngest start(
      Path dir, SeriesStore store, String subjectAltName, String... tokenLines) throws Exception {
    Path cert = dir.resolve("collector.pem");
    Path key = dir.resolve("collector.key");
    TestCertificates.selfSigned(cert, key, subjectAltName);
    Path tokens = Files.write(dir.resolve("agent-tokens"), List.of(tokenLines));
    CollectorConfig config =
        CollectorConfig.parse(
                "--tls-cert", cert.toString(),
                "--tls-key", key.toString(),
                "--agent-tokens-file", tokens.toString())
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    IngestMetrics metrics = new IngestMetrics();
    IngestServer server =
        IngestServer.start(
            config, store, metrics, (h, at, catchingUp) -> {}, System::currentTimeMillis);
    return new SecureIngest(server, cert, metrics);
  }

  /** The port agents connect to. */
  int port() {
    return server.address().getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}
