package dev.vigil.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpositionWriterTest {
  private final ByteBuf buffer = Unpooled.buffer();
  private final ExpositionWriter writer = new ExpositionWriter().wrap(buffer);

  private String value(double v) {
    buffer.clear();
    writer.value(v);
    return buffer.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void shouldWriteIntegralValuesAsPlainDigits() {
    assertEquals("0", value(0));
    assertEquals("0", value(-0.0));
    assertEquals("42", value(42));
    assertEquals("-7", value(-7));
    assertEquals("999999999999999", value(999_999_999_999_999d));
    assertEquals("-123456789012345", value(-123_456_789_012_345d));
  }

  @Test
  void shouldLeaveLargeIntegralValuesToTheExponentForm() {
    assertEquals("1.0E15", value(1e15));
    assertEquals("1.8446744073709552E19", value(0x1p64));
  }

  @Test
  void shouldSpellSpecialValuesAsPrometheusDoes() {
    assertEquals("NaN", value(Double.NaN));
    assertEquals("+Inf", value(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", value(Double.NEGATIVE_INFINITY));
  }

  @Test
  void shouldWriteFractionsInTheShortestFixedPointForm() {
    assertEquals("0.25", value(0.25));
    assertEquals("21.5", value(21.5));
    assertEquals("-3.75", value(-3.75));
    assertEquals("0.1", value(0.1));
    assertEquals("0.001", value(0.001));
    assertEquals("0.00001", value(1e-5));
    assertEquals("-0.000123", value(-0.000123));
    assertEquals("1234567.891", value(1234567.891));
    assertEquals("3.141592653589793", value(Math.PI));
  }

  @Test
  void shouldWriteSeventeenDigitsWhereFewerDoNotIdentifyTheDouble() {
    assertEquals("0.30000000000000004", value(0.1 + 0.2));
    assertEquals("0.000032999999999999996", value(0.000_001 * 33));
    assertEquals("-33.333333333333336", value(-100.0 / 3));
    assertEquals("999999999999999.5", value(999_999_999_999_999.5));
  }

  @Test
  void shouldLeaveExtremeMagnitudesToTheJdk() {
    assertEquals("1.0E-300", value(1e-300));
    assertEquals("4.9E-324", value(Double.MIN_VALUE));
    assertEquals("1.7976931348623157E308", value(Double.MAX_VALUE));
  }

  @Test
  void shouldWriteTextThatParsesBackToTheSameDouble() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      double v =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> Math.rint(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(12));
            default -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 16));
          };
      if (Double.isFinite(v)) {
        assertEquals(v, Double.parseDouble(value(v)), () -> "wrote " + value(v));
      }
    }
  }

  @Test
  void shouldWriteMillisecondsAsSecondsWithThreeDecimals() {
    buffer.clear();
    writer.millisAsSeconds(1_700_000_000_123L);
    writer.ascii(' ');
    writer.millisAsSeconds(5);
    writer.ascii(' ');
    writer.millisAsSeconds(-1500);
    assertEquals("1700000000.123 0.005 -1.500", buffer.toString(StandardCharsets.US_ASCII));
  }
}
