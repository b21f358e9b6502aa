package dev.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.agent.AgentConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlSettingsTest {
  private static final String FILE = "/etc/vigil/agent.yaml";
  private static final AgentConfig.Builder SETTINGS = AgentConfig.builder();

  private static List<SettingValue> parse(String yaml) {
    return YamlSettings.parse(FILE, yaml, SETTINGS.names(), SETTINGS::kind);
  }

  private static void assertError(String message, String yaml) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(yaml));
    assertEquals(message, e.getMessage());
  }

  @Test
  void shouldReadSettingsSectionsListsAndMapsWithTheirPositions() {
    List<SettingValue> values =
        parse(
            """
            # comment
            interval: 15s
            collector:
              - a.example.org:7431
              - "b.example.org:7431"
            tls:
              ca-file: /etc/vigil/ca.pem
            label:
              site: hq
              rack: 12
            allow-plaintext-collector: false
            """);

    assertEquals(
        List.of(
            new SettingValue("interval", "15s", FILE + ":2:11: key \"interval\""),
            new SettingValue("collector", "a.example.org:7431", FILE + ":4:5: key \"collector\""),
            new SettingValue("collector", "b.example.org:7431", FILE + ":5:5: key \"collector\""),
            new SettingValue(
                "tls.ca-file", "/etc/vigil/ca.pem", FILE + ":7:12: key \"tls.ca-file\""),
            new SettingValue("label", "site=hq", FILE + ":9:3: key \"label\""),
            new SettingValue("label", "rack=12", FILE + ":10:3: key \"label\""),
            new SettingValue(
                "allow-plaintext-collector",
                "false",
                FILE + ":11:28: key \"allow-plaintext-collector\"")),
        values);
  }

  @Test
  void shouldTakeASingleValueForARepeatedSetting() {
    assertEquals(
        List.of(new SettingValue("collector", "a:1", FILE + ":1:12: key \"collector\"")),
        parse("collector: a:1\n"));
  }

  @Test
  void shouldReadNothingFromAnEmptyOrCommentedFile() {
    assertEquals(List.of(), parse(""));
    assertEquals(List.of(), parse("# interval: 15s\n"));
  }

  @Test
  void shouldNameLineColumnAndKeyOfAnUnknownKeyAndSuggestTheClosest() {
    assertError(
        FILE + ":2:1: unknown key \"intervall\"; did you mean \"interval\"?",
        "collector: a:1\nintervall: 15s\n");
    assertError(
        FILE + ":2:3: unknown key \"tls.ca_file\"; did you mean \"tls.ca-file\"?",
        "tls:\n  ca_file: /ca.pem\n");
    assertError(FILE + ":1:1: unknown key \"tsl\"; did you mean \"tls\"?", "tsl:\n  ca-file: x\n");
    assertError(FILE + ":1:1: unknown key \"frobnicate\"", "frobnicate: 1\n");
  }

  @Test
  void shouldRefuseValuesOfTheWrongShape() {
    assertError(
        FILE + ":1:11: key \"interval\" must be a single value, not a list",
        "interval: [1s, 2s]\n");
    assertError(FILE + ":1:6: key \"tls\" must be a mapping", "tls: /ca.pem\n");
    assertError(FILE + ":1:10: key \"interval\" needs a value", "interval:\n");
    assertError(
        FILE + ":2:5: each item of \"collector\" must be a single value, not a mapping",
        "collector:\n  - {a: 1}\n");
    assertError(
        FILE + ":1:1: the file must be a mapping of settings, e.g. \"interval: 15s\"", "- a\n");
  }

  @Test
  void shouldRefuseAKeyGivenTwice() {
    assertError(
        FILE + ":3:1: key \"interval\" is given twice (first on line 1)",
        "interval: 15s\nhost-name: a\ninterval: 30s\n");
  }

  @Test
  void shouldLocateASyntaxError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> parse("interval: 15s\n  host-name: a\n"));

    assertEquals(FILE + ":2:12: mapping values are not allowed here", e.getMessage());
  }
}
