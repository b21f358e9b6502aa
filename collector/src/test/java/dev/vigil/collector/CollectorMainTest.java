package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CollectorMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws InterruptedException {
    return CollectorMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void shouldPrintEveryFlagWithItsDefaultOnHelp() throws Exception {
    assertEquals(0, run("run", "--help"));

    try (InputStream golden = CollectorMainTest.class.getResourceAsStream("help.txt")) {
      assertEquals(
          new String(golden.readAllBytes(), StandardCharsets.UTF_8),
          out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldExitWithTwoNamingTheFlagWhenAValueIsBad() throws Exception {
    assertEquals(2, run("run", "--stale-after", "five"));

    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.startsWith(
            "vigil-collector: --stale-after: expected a duration like 30s, 5m, 1h or 90d, got \"five\"\n"),
        message);
  }

  @Test
  void shouldExitWithTwoOnAnUnknownFlag() throws Exception {
    assertEquals(2, run("--stale-afterr", "5m"));

    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown flag --stale-afterr"));
  }
}
