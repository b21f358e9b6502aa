package dev.vigil.agent.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailureLogTest {

  @Test
  void shouldLogADistinctFailureOnlyOnce() {
    FailureLog log = new FailureLog();

    assertEquals(true, log.report("sensors", new IOException("sensor unreadable")));
    assertEquals(false, log.report("sensors", new IOException("sensor unreadable")));
    assertEquals(true, log.report("sensors", new IOException("permission denied")));
  }

  @Test
  void shouldLogADistinctReasonOnlyOnce() {
    FailureLog log = new FailureLog();

    assertEquals(true, log.report("sensors", "temp1_input: not a number"));
    assertEquals(false, log.report("sensors", "temp1_input: not a number"));
    assertEquals(true, log.report("power", "temp1_input: not a number"));
  }
}
