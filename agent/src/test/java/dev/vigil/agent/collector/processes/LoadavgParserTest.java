package dev.vigil.agent.collector.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadavgParserTest {
  private final LoadavgParser parser = new LoadavgParser();

  private long threads(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return parser.threads(bytes, bytes.length);
  }

  @Test
  void shouldReadTheTotalOfTheFourthField() {
    // /proc/loadavg of the Debian 12 VM this was written on.
    assertEquals(386, threads("4.73 9.98 9.17 7/386 24805\n"));
    assertEquals(70123, threads("0.00 0.01 0.05 1/70123 99\n"), "more than sysinfo's 16 bits");
  }

  @Test
  void shouldAnswerMinusOneForTextThatIsNotLoadavg() {
    assertEquals(-1, threads(""));
    assertEquals(-1, threads("0.00 0.01\n"));
    assertEquals(-1, threads("0.00 0.01 0.05 x/386 1\n"));
  }
}
