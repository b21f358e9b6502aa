package dev.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.spool.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  @Test
  void shouldUseDefaultsWhenNoFlagsAreGiven() {
    AgentConfig config = AgentConfig.parse();

    assertEquals("127.0.0.1", config.collectorHost());
    assertEquals(7431, config.collectorPort());
    assertEquals(Duration.ofSeconds(15), config.interval());
    assertEquals(Optional.empty(), config.hostName());
    assertEquals(Map.of(), config.labels());
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
  void shouldParseEveryFlag() {
    AgentConfig config =
        AgentConfig.parse(
            "--collector", "[::1]:9000",
            "--interval", "1m",
            "--host-name", "laptop-042",
            "--label", "site=paris",
            "--label", "role=desk=top",
            "--proc-root", "/host/proc",
            "--sys-root", "/host/sys",
            "--state-dir", "/srv/vigil",
            "--spool-max-bytes", "128MiB",
            "--spool-fsync", "never");

    assertEquals("::1", config.collectorHost());
    assertEquals(9000, config.collectorPort());
    assertEquals(Duration.ofMinutes(1), config.interval());
    assertEquals(Optional.of("laptop-042"), config.hostName());
    assertEquals(Map.of("site", "paris", "role", "desk=top"), config.labels());
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
            .interval(Duration.ofMillis(1500))
            .label("site", "paris")
            .build();

    assertEquals("collector.example.org", config.collectorHost());
    assertEquals(Duration.ofMillis(1500), config.interval());
  }

  @Test
  void shouldNameTheSettingInEveryError() {
    assertError("--interval: must be at least 1s", "--interval", "500ms");
    assertError("--interval: must be a duration like 15s", "--interval", "five");
    assertError("--collector: must be host:port", "--collector", "localhost");
    assertError("--collector: must be host:port", "--collector", "localhost:70000");
    assertError("--label: must be key=value", "--label", "site");
    assertError("--label: name must match", "--label", "1site=x");
    assertError("--label: name must match", "--label", "instance=x");
    assertError("--host-name: must not be blank", "--host-name", " ");
    assertError("--colector: unknown setting", "--colector", "x:1");
    assertError("--interval: missing value", "--interval");
    assertError("--spool-max-bytes: must be at least 1MiB", "--spool-max-bytes", "512KiB");
    assertError("--spool-max-bytes: must be a size like 64MiB", "--spool-max-bytes", "64MB");
    assertError("--spool-max-bytes: is too large", "--spool-max-bytes", "999999999999GiB");
    assertError("--spool-fsync: must be always or never", "--spool-fsync", "sometimes");
  }

  private static void assertError(String expectedStart, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.parse(args));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
