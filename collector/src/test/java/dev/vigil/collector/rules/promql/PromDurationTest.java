package dev.vigil.collector.rules.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {
  @Test
  void shouldReadDurationsAsPrometheusSpellsThem() {
    assertEquals(Duration.ZERO, PromDuration.parse("0"));
    assertEquals(Duration.ofMillis(250), PromDuration.parse("250ms"));
    assertEquals(Duration.ofSeconds(30), PromDuration.parse("30s"));
    assertEquals(Duration.ofMinutes(90), PromDuration.parse("1h30m"));
    assertEquals(Duration.ofDays(7), PromDuration.parse("7d"));
    assertEquals(Duration.ofDays(14), PromDuration.parse("2w"));
    assertEquals(Duration.ofDays(365 + 1), PromDuration.parse("1y1d"));
    assertEquals(Duration.ofMinutes(61).plusMillis(5), PromDuration.parse("1h1m5ms"));
  }

  @Test
  void shouldRefuseWhatPrometheusRefuses() {
    for (String text :
        new String[] {"", "5", "1.5m", "5 m", "30m1h", "1h1h", "-5m", "5M", "1d2w"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PromDuration.parse(text), text);
      assertEquals(
          "expected a duration like 30s, 5m, 1h30m or 7d, got \"" + text + "\"", e.getMessage());
    }
    assertEquals(
        "duration \"99999999999y\" is too long",
        assertThrows(IllegalArgumentException.class, () -> PromDuration.parse("99999999999y"))
            .getMessage());
  }

  @Test
  void shouldPrintAsPrometheusDoes() {
    assertEquals("1h30m", PromDuration.format(Duration.ofMinutes(90)));
    assertEquals("1w", PromDuration.format(Duration.ofDays(7)));
    assertEquals("0s", PromDuration.format(Duration.ZERO));
    assertEquals("1s500ms", PromDuration.format(Duration.ofMillis(1500)));
  }
}
