package dev.vigil.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowsCommandLineTest {
  private static final String JAVA = "C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe";

  /** The table of "Parsing C++ command-line arguments" (Microsoft Learn), verbatim. */
  @Test
  void parserShouldAgreeWithMicrosoftsTable() {
    assertEquals(List.of("a b c", "d", "e"), args("\"a b c\" d e"));
    assertEquals(List.of("ab\"c", "\\", "d"), args("\"ab\\\"c\" \"\\\\\" d"));
    assertEquals(List.of("a\\\\\\b", "de fg", "h"), args("a\\\\\\b d\"e f\"g h"));
    assertEquals(List.of("a\\\"b", "c", "d"), args("a\\\\\\\"b c d"));
    assertEquals(List.of("a\\\\b c", "d", "e"), args("a\\\\\\\\\"b c\" d e"));
    assertEquals(List.of("ab\" c d"), args("a\"b\"\" c d"));
  }

  @Test
  void shouldQuoteTheProgramSoThatASpaceCannotSplitIt() {
    String line = WindowsCommandLine.of(JAVA, List.of("-jar", "C:\\Vigil\\vigil-agent.jar"));

    assertEquals("\"" + JAVA + "\" -jar C:\\Vigil\\vigil-agent.jar", line);
    assertEquals(JAVA, MsvcrtArgumentParser.split(line).get(0));
  }

  @Test
  void shouldQuoteTheProgramEvenWithoutASpace() {
    assertTrue(WindowsCommandLine.of("C:\\jdk\\bin\\java.exe", List.of()).startsWith("\"C:\\jdk"));
  }

  @Test
  void shouldLeavePlainArgumentsAlone() {
    assertEquals(
        "\"java\" service --collector collector.example:7431 --label site=hq",
        WindowsCommandLine.of(
            "java",
            List.of("service", "--collector", "collector.example:7431", "--label", "site=hq")));
  }

  @Test
  void shouldQuoteSpacesAndKeepATrailingBackslash() {
    String line =
        WindowsCommandLine.of(JAVA, List.of("--config", "C:\\Program Data\\Vigil\\", "x y"));

    assertEquals("\"" + JAVA + "\" --config \"C:\\Program Data\\Vigil\\\\\" \"x y\"", line);
  }

  @Test
  void shouldQuoteWildcardsSoThatTheJavaLauncherDoesNotExpandThem() {
    assertEquals(
        "\"java\" \"role=*\" \"a?\"", WindowsCommandLine.of("java", List.of("role=*", "a?")));
  }

  @Test
  void shouldQuoteAnEmptyArgumentSoThatItIsNotLost() {
    assertEquals(List.of("java", "", "x"), split("java", List.of("", "x")));
  }

  @Test
  void shouldRoundTripAnyArgumentThroughTheRuntimesRules() {
    Random random = new Random(3);
    String alphabet = "ab \t\"\\*?é:";
    for (int round = 0; round < 2000; round++) {
      List<String> arguments = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int a = 0; a < count; a++) {
        StringBuilder argument = new StringBuilder();
        int length = random.nextInt(8);
        for (int c = 0; c < length; c++) {
          argument.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        arguments.add(argument.toString());
      }
      List<String> expected = new ArrayList<>(List.of(JAVA));
      expected.addAll(arguments);

      assertEquals(expected, split(JAVA, arguments), "arguments " + arguments);
    }
  }

  @Test
  void shouldRefuseAPercentSignThatTheServiceManagerWouldExpand() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WindowsCommandLine.of(JAVA, List.of("--label", "site=%COMPUTERNAME%")));

    assertEquals(
        "\"site=%COMPUTERNAME%\" contains %, which the Service Control Manager would expand as an"
            + " environment variable",
        e.getMessage());
  }

  @Test
  void shouldRefuseAProgramPathWithAQuote() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowsCommandLine.of("C:\\a\"b\\java.exe", List.of()));
  }

  private static List<String> args(String arguments) {
    List<String> argv = MsvcrtArgumentParser.split("prog " + arguments);
    return argv.subList(1, argv.size());
  }

  private static List<String> split(String program, List<String> arguments) {
    return MsvcrtArgumentParser.split(WindowsCommandLine.of(program, arguments));
  }
}
