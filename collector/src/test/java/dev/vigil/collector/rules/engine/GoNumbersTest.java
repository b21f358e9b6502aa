package dev.vigil.collector.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Numbers as Prometheus' templates print them. Expected texts are those of Prometheus' own template
 * tests ({@code template/template_test.go}) and of Go's {@code fmt} for {@code %v}.
 */
class GoNumbersTest {
  private static String each(DoubleFunction<String> format, double... values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(format.apply(v)).append(':');
    }
    return out.toString();
  }

  @Test
  void shouldPrintAValueAsGoPrintsAFloat64() {
    assertEquals(
        "0:1:0.93:123456:1e+06:1.234567e+06:-2.5:1e-05:0.0001:NaN:+Inf:-Inf:",
        each(
            GoNumbers::value,
            0,
            1,
            0.93,
            123456,
            1e6,
            1234567,
            -2.5,
            1e-5,
            1e-4,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY));
  }

  @Test
  void shouldHumanizeWithSiPrefixes() {
    assertEquals("0:1:1.235M:120m:", each(GoNumbers::humanize, 0, 1, 1234567, 0.12));
    assertEquals(
        "-1.5k:1.234G:1.234m:123.5u:12.35:",
        each(GoNumbers::humanize, -1500, 1.2345e9, 0.0012345, 0.0001235, 12.345));
  }

  @Test
  void shouldHumanizeDurationsInSeconds() {
    assertEquals(
        "0s:1s:1m 0s:1h 0m 0s:1d 0h 0m 0s:1d 1h 0m 0s:-2d 3h 4m 5s:14m 59s:",
        each(
            GoNumbers::humanizeDuration,
            0,
            1,
            60,
            3600,
            86400,
            86400 + 3600,
            -(86400 * 2 + 3600 * 3 + 60 * 4 + 5),
            899.99));
    assertEquals("1.5s:100ms:123.4us:", each(GoNumbers::humanizeDuration, 1.5, 0.1, 0.0001234));
  }

  @Test
  void shouldHumanizePercentages() {
    assertEquals(
        "0%:12.35%:123.5%:1235%:",
        each(GoNumbers::humanizePercentage, 0, 0.1234567, 1.23456, 12.3456));
  }

  @Test
  void shouldRoundToFourDigitsHalfToEvenOnTheExactValue() {
    // 12345 and 12355 are exact ties: Go rounds them to the even digit, as strconv does.
    assertEquals(
        "1000:1.234e+04:1.236e+04:0.001234:100.5:",
        each(GoNumbers::fourDigits, 1000, 12345, 12355, 0.001234, 100.5));
  }
}
