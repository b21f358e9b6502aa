package dev.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.agent.AgentConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSettingsTest {
  private static final AgentConfig.Builder SETTINGS = AgentConfig.builder();

  private static List<SettingValue> read(Map<String, String> env) {
    return EnvSettings.read(env, SETTINGS.names(), SETTINGS::kind);
  }

  @Test
  void shouldSpellEachSettingInCapitalsWithUnderscores() {
    assertEquals("VIGIL_AGENT_TLS_CA_FILE", EnvSettings.variable("tls.ca-file"));
    assertEquals("VIGIL_AGENT_INTERVAL", EnvSettings.variable("interval"));
  }

  @Test
  void shouldReadSettingsSplitListsAndIgnoreOtherVariables() {
    List<SettingValue> values =
        read(
            Map.of(
                "VIGIL_AGENT_INTERVAL", "30s",
                "VIGIL_AGENT_COLLECTOR", "a:1, b:2,",
                "VIGIL_AGENT_LABEL", "site=hq",
                "VIGIL_AGENT_HOST_NAME", "",
                "VIGIL_AGENT_ARGS", "--label role=server",
                "PATH", "/usr/bin"));

    assertEquals(
        List.of(
            new SettingValue("collector", "a:1", "VIGIL_AGENT_COLLECTOR"),
            new SettingValue("collector", "b:2", "VIGIL_AGENT_COLLECTOR"),
            new SettingValue("interval", "30s", "VIGIL_AGENT_INTERVAL"),
            new SettingValue("label", "site=hq", "VIGIL_AGENT_LABEL")),
        values);
  }

  @Test
  void shouldRefuseAnUnknownVariableWithThePrefix() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read(Map.of("VIGIL_AGENT_TLS_CAFILE", "/ca.pem")));

    assertEquals(
        "VIGIL_AGENT_TLS_CAFILE: unknown setting; did you mean VIGIL_AGENT_TLS_CA_FILE?",
        e.getMessage());
  }
}
