package dev.vigil.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.config.CollectorAddress;
import dev.vigil.agent.config.ConfigLoader;
import dev.vigil.agent.config.SettingValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped {@code deploy/agent/agent.yaml} loads with every value valid. */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("../deploy/agent/agent.yaml");
  private static final Path TEST_CA = Path.of("src/test/resources/config/ca.pem");

  @TempDir Path dir;

  @Test
  void shouldLoadTheShippedExample() throws Exception {
    AgentConfig.Builder builder = AgentConfig.builder();
    List<SettingValue> values = ConfigLoader.readFile(EXAMPLE, builder.names(), builder::kind);
    Path token = Files.writeString(dir.resolve("agent.token"), "0123456789abcdef0123456789\n");
    // The example names files of a production host; stand-ins with the same content go here.
    Map<String, Path> standIns =
        Map.of("/etc/vigil/ca.pem", TEST_CA, "/etc/vigil/agent.token", token);
    List<SettingValue> onThisMachine =
        values.stream()
            .map(
                value ->
                    standIns.containsKey(value.value())
                        ? new SettingValue(
                            value.name(), standIns.get(value.value()).toString(), value.origin())
                        : value)
            .toList();

    assertEquals(
        List.of("/etc/vigil/agent.token", "/etc/vigil/ca.pem"),
        values.stream().map(SettingValue::value).filter(standIns::containsKey).sorted().toList(),
        "the example names the files a production host has");

    ConfigLoader.apply(onThisMachine, builder);
    AgentConfig config = builder.build();

    assertEquals(
        List.of(
            new CollectorAddress("vigil-1.example.org", 7431),
            new CollectorAddress("vigil-2.example.org", 7431)),
        config.collectors());
    assertEquals(TEST_CA, config.tlsCaFile().orElseThrow());
    assertTrue(config.token().isPresent());
    assertEquals(Duration.ofSeconds(15), config.interval());
    assertEquals(
        Map.of("site", "hq", "role", "workstation", "owner", "it-support"), config.labels());
  }
}
