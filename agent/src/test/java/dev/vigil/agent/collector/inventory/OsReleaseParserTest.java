package dev.vigil.agent.collector.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

  @Test
  void shouldUnquoteDoubleAndSingleQuotedValuesAndKeepBareOnes() {
    Map<String, String> fields =
        OsReleaseParser.parse(
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "NAME='Debian GNU/Linux'\n"
                + "VERSION_ID=\"12\"\n"
                + "ID=debian\n");

    assertEquals(
        Map.of(
            "PRETTY_NAME", "Debian GNU/Linux 12 (bookworm)",
            "NAME", "Debian GNU/Linux",
            "VERSION_ID", "12",
            "ID", "debian"),
        fields);
  }

  @Test
  void shouldSkipCommentsAndBlankLinesAndReadEscapes() {
    Map<String, String> fields =
        OsReleaseParser.parse("# comment\n\nnot a field\nNAME=\"Say \\\"hi\\\" \\$HOME\"\n");

    assertEquals(Map.of("NAME", "Say \"hi\" $HOME"), fields);
  }

  @Test
  void shouldLeaveFieldsTheFileLacksEmpty() {
    OsRelease release =
        OsRelease.fromFields(OsReleaseParser.parse("ID=arch\nNAME=\"Arch Linux\"\n"));

    assertEquals(new OsRelease("arch", "Arch Linux", "", "", ""), release);
  }
}
