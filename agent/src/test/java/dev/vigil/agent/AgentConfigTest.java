package dev.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.config.CollectorAddress;
import dev.vigil.agent.config.SettingException;
import dev.vigil.agent.spool.FsyncPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
  static final Path CA = Path.of("src/test/resources/config/ca.pem");

  @TempDir Path dir;

  @Test
  void shouldUseDefaultsWhenNoFlagsAreGiven() {
    AgentConfig config = AgentConfig.parse();

    assertEquals(List.of(new CollectorAddress("127.0.0.1", 7431)), config.collectors());
    assertEquals(Duration.ofSeconds(15), config.interval());
    assertEquals(Optional.empty(), config.hostName());
    assertEquals(Map.of(), config.labels());
    assertEquals(Optional.empty(), config.tlsCaFile());
    assertEquals(Optional.empty(), config.tlsServerName());
    assertFalse(config.allowPlaintextCollector());
    assertEquals(Optional.empty(), config.token());
    assertEquals(Path.of("/proc"), config.procRoot());
    assertEquals(Path.of("/sys"), config.sysRoot());
    assertEquals(64L << 20, config.spoolMaxBytes());
    assertEquals(FsyncPolicy.ALWAYS, config.spoolFsync());
  }

  @Test
  void shouldDefaultTheStateDirectoryToSystemdsThenThePlatforms() {
    assertEquals(
        "/var/lib/vigil-agent",
        AgentConfig.defaultStateDir(Map.of("STATE_DIRECTORY", "/var/lib/vigil-agent"), "Linux"));
    assertEquals(
        "/var/lib/private/a",
        AgentConfig.defaultStateDir(Map.of("STATE_DIRECTORY", "/var/lib/private/a:/b"), "Linux"));
    assertEquals("/var/lib/vigil-agent", AgentConfig.defaultStateDir(Map.of(), "Linux"));
    assertEquals(
        "D:\\Data\\Vigil\\agent",
        AgentConfig.defaultStateDir(Map.of("ProgramData", "D:\\Data"), "Windows Server 2022"));
    assertEquals(
        "C:\\ProgramData\\Vigil\\agent", AgentConfig.defaultStateDir(Map.of(), "Windows 11"));
  }

  @Test
  void shouldParseSpoolSizesWithBinarySuffixes() {
    assertEquals(64L << 20, AgentConfig.parse("--spool-max-bytes", "64MiB").spoolMaxBytes());
    assertEquals(2L << 30, AgentConfig.parse("--spool-max-bytes", "2GiB").spoolMaxBytes());
    assertEquals(1536L << 10, AgentConfig.parse("--spool-max-bytes", "1536KiB").spoolMaxBytes());
    assertEquals(3_000_000L, AgentConfig.parse("--spool-max-bytes", "3000000").spoolMaxBytes());
  }

  @Test
  void shouldParseEveryFlag() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "0123456789abcdef0123\n");
    AgentConfig config =
        AgentConfig.parse(
            "--collector",
            "[::1]:9000",
            "--collector",
            "collector-2.example.org:7431",
            "--interval",
            "1m",
            "--host-name",
            "laptop-042",
            "--label",
            "site=paris",
            "--label",
            "role=desk=top",
            "--tls.ca-file",
            CA.toString(),
            "--tls.server-name",
            "collector.example.org",
            "--token-file",
            tokenFile.toString(),
            "--proc-root",
            "/host/proc",
            "--sys-root=/host/sys",
            "--state-dir",
            "/srv/vigil",
            "--spool-max-bytes",
            "128MiB",
            "--spool-fsync",
            "never");

    assertEquals(
        List.of(
            new CollectorAddress("::1", 9000),
            new CollectorAddress("collector-2.example.org", 7431)),
        config.collectors());
    assertEquals(Duration.ofMinutes(1), config.interval());
    assertEquals(Optional.of("laptop-042"), config.hostName());
    assertEquals(Map.of("site", "paris", "role", "desk=top"), config.labels());
    assertEquals(Optional.of(CA), config.tlsCaFile());
    assertEquals(Optional.of("collector.example.org"), config.tlsServerName());
    assertEquals("0123456789abcdef0123", config.token().orElseThrow().value());
    assertEquals(Path.of("/host/proc"), config.procRoot());
    assertEquals(Path.of("/host/sys"), config.sysRoot());
    assertEquals(Path.of("/srv/vigil"), config.stateDir());
    assertEquals(128L << 20, config.spoolMaxBytes());
    assertEquals(FsyncPolicy.NEVER, config.spoolFsync());
  }

  @Test
  void shouldBuildTheSameConfigInCode() {
    AgentConfig config =
        AgentConfig.builder()
            .collector("collector.example.org:7431")
            .tlsCaFile(CA)
            .interval(Duration.ofMillis(1500))
            .label("site", "paris")
            .build();

    assertEquals(List.of(new CollectorAddress("collector.example.org", 7431)), config.collectors());
    assertEquals(Duration.ofMillis(1500), config.interval());
  }

  @Test
  void shouldNameTheSettingInEveryError() {
    assertError("--interval: must be at least 1s, got \"0.5s\"", "--interval", "500ms");
    assertError("--interval: must be a duration like 15s", "--interval", "five");
    assertError("--collector: must be host:port", "--collector", "localhost");
    assertError("--collector: must be host:port", "--collector", "localhost:70000");
    assertError("--label: must be key=value", "--label", "site");
    assertError("--label: name must match", "--label", "1site=x");
    assertError("--label: name must match", "--label", "instance=x");
    assertError("--host-name: must not be blank", "--host-name", " ");
    assertError("--tls.server-name: must be a host name", "--tls.server-name", "a b");
    assertError(
        "--allow-plaintext-collector: must be true or false", "--allow-plaintext-collector", "yes");
    assertError("--colector: unknown setting; did you mean --collector?", "--colector", "x:1");
    assertError("--bogus: unknown setting", "--bogus", "x");
    assertError("--interval: missing value", "--interval");
    assertError("expected a --flag, got \"run\"", "run");
    assertError("--spool-max-bytes: must be at least 1MiB", "--spool-max-bytes", "512KiB");
    assertError("--spool-max-bytes: must be a size like 64MiB", "--spool-max-bytes", "64MB");
    assertError("--spool-max-bytes: is too large", "--spool-max-bytes", "999999999999GiB");
    assertError("--spool-fsync: must be always or never", "--spool-fsync", "sometimes");
  }

  @Test
  void shouldRefuseACaFileThatHoldsNoCertificate() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");

    assertError(
        "--tls.ca-file: must be a PEM file of CA certificates (",
        "--tls.ca-file",
        notPem.toString());
    assertError(
        "--tls.ca-file: must be a PEM file of CA certificates (no such file)",
        "--tls.ca-file",
        dir.resolve("absent.pem").toString());
  }

  @Test
  void shouldRefuseATokenFileWithoutAUsableTokenAndNeverShowTheToken() throws Exception {
    Path shortToken = Files.writeString(dir.resolve("short"), "secret12\n");
    Path twoWords = Files.writeString(dir.resolve("spaces"), "secret12 secret34 secret56\n");

    String message =
        assertError("--token-file: must hold one token", "--token-file", shortToken.toString());
    assertFalse(message.contains("secret12"), message);
    assertError("--token-file: must hold one token", "--token-file", twoWords.toString());
    assertEquals(
        "AgentToken[hidden]", tokenIn(Files.writeString(dir.resolve("t"), "x".repeat(16))));
  }

  @Test
  void shouldRefusePlaintextBeyondLoopbackUnlessAllowed() {
    assertError(
        "--collector: collector.example.org:7431 is not a loopback address: give tls.ca-file to"
            + " reach it over TLS, or allow-plaintext-collector on a network you trust",
        "--collector",
        "localhost:7431",
        "--collector",
        "collector.example.org:7431");

    AgentConfig allowed =
        AgentConfig.parse(
            "--collector", "collector.example.org:7431", "--allow-plaintext-collector");
    AgentConfig allowedByValue =
        AgentConfig.parse(
            "--allow-plaintext-collector=true", "--collector", "collector.example.org:7431");

    assertTrue(allowed.allowPlaintextCollector());
    assertTrue(allowedByValue.allowPlaintextCollector());
  }

  @Test
  void shouldNeverSendTheTokenInClearTextBeyondLoopback() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "0123456789abcdef");

    assertError(
        "--token-file: the token would travel in clear text to 10.1.2.3:7431: give tls.ca-file",
        "--collector",
        "10.1.2.3:7431",
        "--allow-plaintext-collector",
        "--token-file",
        tokenFile.toString());
    AgentConfig loopback =
        AgentConfig.parse("--collector", "[::1]:7431", "--token-file", tokenFile.toString());

    assertTrue(loopback.token().isPresent());
  }

  @Test
  void shouldRefuseAServerNameWithoutACaFile() {
    SettingException e =
        assertThrows(
            SettingException.class,
            () -> AgentConfig.builder().tlsServerName("collector.example.org").build());

    assertEquals(
        "tls.server-name: needs tls.ca-file: it names the certificate TLS verifies",
        e.getMessage());
  }

  /** Every name the sources accept must reach its own case in Builder.set. */
  @Test
  void shouldHandleEverySettingNameInTheTextSetter() {
    AgentConfig.Builder builder = AgentConfig.builder();
    assertTrue(builder.names().containsAll(List.of("collector", "tls.ca-file", "token-file")));
    assertFalse(builder.names().contains(AgentConfig.DEFAULT_COLLECTOR));
    for (String name : builder.names()) {
      try {
        builder.set(name, "\u0001");
      } catch (SettingException e) {
        assertEquals(name, e.setting());
      } catch (IllegalArgumentException e) {
        assertFalse(e.getMessage().contains("unknown setting"), name + ": " + e.getMessage());
      }
    }
  }

  private static String tokenIn(Path file) {
    return AgentConfig.builder().tokenFile(file).build().token().orElseThrow().toString();
  }

  private static String assertError(String expectedStart, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse(args));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    return e.getMessage();
  }
}
