package dev.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.agent.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three sources together, through AgentConfig.load as the agent's command line uses it. */
class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("agent.yaml"), yaml);
  }

  private static AgentConfig load(Map<String, String> env, String... args) {
    return AgentConfig.load(args, env);
  }

  private static String error(Map<String, String> env, String... args) {
    return assertThrows(IllegalArgumentException.class, () -> load(env, args)).getMessage();
  }

  @Test
  void shouldLetFlagsWinOverTheEnvironmentAndTheEnvironmentOverTheFile() throws Exception {
    Path yaml =
        file(
            """
            interval: 1m
            host-name: from-file
            proc-root: /file/proc
            collector: [a.local:1, b.local:2]
            allow-plaintext-collector: true
            label:
              site: hq
              role: server
            """);
    Map<String, String> env =
        Map.of("VIGIL_AGENT_HOST_NAME", "from-env", "VIGIL_AGENT_INTERVAL", "2m");

    AgentConfig config =
        load(env, "--config", yaml.toString(), "--interval", "3m", "--label", "owner=it");

    assertEquals(Duration.ofMinutes(3), config.interval());
    assertEquals(Optional.of("from-env"), config.hostName());
    assertEquals(Path.of("/file/proc"), config.procRoot());
    assertEquals(Path.of("/sys"), config.sysRoot());
    assertEquals(
        List.of(new CollectorAddress("a.local", 1), new CollectorAddress("b.local", 2)),
        config.collectors());
    assertEquals(Map.of("owner", "it"), config.labels(), "a higher source replaces all labels");
  }

  @Test
  void shouldReplaceTheFilesCollectorsWithTheFlagsOnes() throws Exception {
    Path yaml = file("collector: [127.0.0.1:1, 127.0.0.1:2]\n");

    AgentConfig config = load(Map.of(), "--config", yaml.toString(), "--collector", "[::1]:3");

    assertEquals(List.of(new CollectorAddress("::1", 3)), config.collectors());
  }

  @Test
  void shouldReadTheFileNamedByTheEnvironmentWhenNoFlagNamesOne() throws Exception {
    Path yaml = file("interval: 45s\n");

    AgentConfig config = load(Map.of("VIGIL_AGENT_CONFIG", yaml.toString()));

    assertEquals(Duration.ofSeconds(45), config.interval());
  }

  @Test
  void shouldNameFileLineAndKeyOfAnInvalidValue() throws Exception {
    Path yaml = file("host-name: a\ntls:\n  ca-file: /absent/ca.pem\n");

    assertEquals(
        yaml
            + ":3:12: key \"tls.ca-file\": must be a PEM file of CA certificates (no such file),"
            + " got \"/absent/ca.pem\"",
        error(Map.of(), "--config", yaml.toString()));
  }

  @Test
  void shouldNameTheVariableOfAnInvalidValue() {
    assertEquals(
        "VIGIL_AGENT_INTERVAL: must be a duration like 15s, 1m or 500ms, got \"soon\"",
        error(Map.of("VIGIL_AGENT_INTERVAL", "soon")));
  }

  @Test
  void shouldLocateAnErrorFoundOnlyOnceEverySettingIsKnown() throws Exception {
    Path yaml = file("collector:\n  - 127.0.0.1:7431\n  - vigil.example.org:7431\n");

    assertEquals(
        yaml
            + ":3:5: key \"collector\": vigil.example.org:7431 is not a loopback address: give"
            + " tls.ca-file to reach it over TLS, or allow-plaintext-collector on a network you"
            + " trust",
        error(Map.of(), "--config", yaml.toString()));
  }

  @Test
  void shouldSayWhichFileCannotBeReadAndWhoNamedIt() {
    Path absent = dir.resolve("absent.yaml");

    assertEquals(
        "--config: cannot read " + absent + ": no such file",
        error(Map.of(), "--config", absent.toString()));
    assertEquals(
        "VIGIL_AGENT_CONFIG: cannot read " + absent + ": no such file",
        error(Map.of("VIGIL_AGENT_CONFIG", absent.toString())));
  }

  @Test
  void shouldNotAcceptTheConfigKeyInsideTheFile() throws Exception {
    Path yaml = file("config: /other.yaml\n");

    assertEquals(
        yaml + ":1:1: unknown key \"config\"", error(Map.of(), "--config", yaml.toString()));
  }
}
