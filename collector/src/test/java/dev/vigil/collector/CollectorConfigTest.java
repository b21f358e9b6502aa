package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigTest {
  @Test
  void shouldListenOnLoopbackByDefault() {
    CollectorConfig config = CollectorConfig.defaults();

    assertEquals("127.0.0.1", config.ingestListen().getHostString());
    assertEquals(7431, config.ingestListen().getPort());
    assertEquals(9465, config.httpListen().getPort());
    assertEquals(Duration.ofMinutes(5), config.staleAfter());
  }

  @Test
  void shouldRefuseAPlaintextIngestBeyondLoopback() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CollectorConfig.parse("--ingest-listen", "0.0.0.0:7431"));

    assertEquals(
        "--ingest-listen 0.0.0.0:7431 is not a loopback address: give --tls-cert and"
            + " --tls-key, or --allow-plaintext-ingest on a network you trust",
        e.getMessage());
  }

  @Test
  void shouldAllowAPlaintextIngestBeyondLoopbackWhenToldSo() {
    CollectorConfig config =
        CollectorConfig.parse(
            "--ingest-listen",
            "0.0.0.0:7431",
            "--allow-plaintext-ingest",
            "--allow-unauthenticated-ingest");

    assertEquals("0.0.0.0", config.ingestListen().getHostString());
    assertNull(config.agentTokens());
  }

  @Test
  void shouldRefuseAnUnauthenticatedIngestBeyondLoopback() {
    assertError(
        "--ingest-listen 0.0.0.0:7431 is not a loopback address: give --agent-tokens-file, or"
            + " --allow-unauthenticated-ingest to admit any agent that reaches it",
        "--ingest-listen",
        "0.0.0.0:7431",
        "--allow-plaintext-ingest");
  }

  @Test
  void shouldReadTheAgentTokensFile(@TempDir Path dir) throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "# hq\n0123456789abcdef\n");

    CollectorConfig config =
        CollectorConfig.parse(
            "--ingest-listen",
            "0.0.0.0:7431",
            "--allow-plaintext-ingest",
            "--agent-tokens-file",
            tokens.toString());

    assertTrue(config.agentTokens().accepts("0123456789abcdef"));
  }

  @Test
  void shouldNameTheTokensFileAndLineOfABadToken(@TempDir Path dir) throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "# hq\nshort\n");

    assertError(
        "--agent-tokens-file: "
            + tokens
            + ":2: a token is 16 to 4096 visible ASCII characters without spaces, one per line",
        "--agent-tokens-file",
        tokens.toString());
  }

  @Test
  void shouldNameTheFlagOfAnInvalidValue() {
    assertError(
        "--max-series-per-host: expected a positive whole number, got \"-3\"",
        "--max-series-per-host",
        "-3");
    assertError(
        "--stale-after: expected a duration like 30s, 5m, 1h or 90d, got \"five\"",
        "--stale-after",
        "five");
    assertError(
        "--tls-cert: expected a readable file, got \"/nonexistent.pem\"",
        "--tls-cert",
        "/nonexistent.pem");
    assertError("unknown flag --ingest-listn", "--ingest-listn", "127.0.0.1:1");
    assertError(
        "--catch-up-batches-per-second: expected a whole number, 0 or more, got \"-1\"",
        "--catch-up-batches-per-second",
        "-1");
  }

  @Test
  void shouldTakeRulePathsInTheOrderGiven(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("extra.yml"), "groups: []\n");

    CollectorConfig config = CollectorConfig.parse("--rules", dir.toString(), "--rules=" + file);

    assertEquals(java.util.List.of(dir, file), config.rules());
    assertEquals(java.util.List.of(), CollectorConfig.defaults().rules());
  }

  @Test
  void shouldRefuseAMissingRulePathAndARepeatedSingleFlag(@TempDir Path dir) {
    assertError(
        "--rules: expected an existing file or directory, got \"" + dir.resolve("no.yml") + "\"",
        "--rules",
        dir.resolve("no.yml").toString());
    assertError(
        "--stale-after is given more than once", "--stale-after", "1m", "--stale-after", "2m");
  }

  private static void assertError(String message, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CollectorConfig.parse(args));
    assertEquals(message, e.getMessage());
  }

  @Test
  void shouldKeepIncidentsInAnSqliteFileInTheDataDirectoryByDefault(@TempDir Path dir) {
    assertEquals(
        Path.of("vigil-data", "incidents.db").toString(),
        CollectorConfig.defaults().incidentStore());
    assertEquals(Duration.ofMinutes(10), CollectorConfig.defaults().incidentFlapWindow());
    assertEquals(Duration.ofDays(90), CollectorConfig.defaults().incidentRetention());
    assertEquals(
        Duration.ofDays(30),
        CollectorConfig.parse("--incident-retention", "30d").incidentRetention());
    assertEquals(
        Duration.ZERO, CollectorConfig.parse("--incident-retention", "0s").incidentRetention());
    assertEquals(
        dir.resolve("incidents.db").toString(),
        CollectorConfig.parse("--data-dir", dir.toString()).incidentStore());
  }

  @Test
  void shouldTakeAnSqliteFileOrAPostgresqlUrlAsTheIncidentStore(@TempDir Path dir) {
    String url = "jdbc:postgresql://db.example:5432/vigil?user=vigil";

    assertEquals(url, CollectorConfig.parse("--incident-store", url).incidentStore());
    assertEquals(
        dir.resolve("x.db").toString(),
        CollectorConfig.parse("--incident-store", dir.resolve("x.db").toString()).incidentStore());
    assertEquals(
        Duration.ofSeconds(90),
        CollectorConfig.parse("--incident-flap-window", "90s").incidentFlapWindow());
  }

  @Test
  void shouldNameTheFlagOfAnUnusableIncidentStore(@TempDir Path dir) throws Exception {
    Path file = Files.createFile(dir.resolve("not-a-dir"));

    assertEquals(
        "--incident-store: expected an SQLite file path or a jdbc:postgresql:// URL,"
            + " got \"jdbc:mysql://db/vigil\"",
        refused("--incident-store", "jdbc:mysql://db/vigil"));
    assertEquals(
        "--incident-store: expected an SQLite file path or a jdbc:postgresql:// URL, got \""
            + dir
            + "\"",
        refused("--incident-store", dir.toString()));
    assertEquals(
        "--data-dir: expected a directory, got \"" + file + "\"",
        refused("--data-dir", file.toString()));
  }

  private static String refused(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> CollectorConfig.parse(args))
        .getMessage();
  }
}
