package dev.vigil.agent.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineScannerTest {
  private final LineScanner scanner = new LineScanner();
  private final NameTable names = new NameTable();

  private void wrap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    scanner.wrap(bytes, bytes.length);
  }

  @Test
  void shouldSplitLinesAndTokensOnSpacesAndTabs() {
    wrap("  7  0\tloop0 12\n\n254 0 vda 3");

    assertTrue(scanner.nextLine());
    assertEquals(7, scanner.nextLong());
    assertEquals(0, scanner.nextLong());
    assertTrue(scanner.nextToken());
    assertEquals("loop0", scanner.token(names));
    assertEquals(12, scanner.nextLong());
    assertEquals(-1, scanner.nextLong());
    assertTrue(scanner.nextLine());
    assertFalse(scanner.nextToken());
    assertTrue(scanner.nextLine());
    assertEquals(254, scanner.nextLong());
    assertFalse(scanner.nextLine());
  }

  @Test
  void shouldEndATokenAtAnotherSeparatorOnlyWhenAsked() {
    wrap("  eth0: 192739821\n");
    scanner.nextLine();
    scanner.nextToken();
    assertEquals("eth0:", scanner.token(names));

    scanner.alsoSeparateAt(':');
    wrap("  eth0:192739821\n");
    scanner.nextLine();
    scanner.nextToken();
    assertEquals("eth0", scanner.token(names));
    assertEquals(192739821, scanner.nextLong());
  }

  @Test
  void shouldReadANonNumberAsMinusOne() {
    wrap("-1 12a 18446744073709551615\n");
    scanner.nextLine();

    assertEquals(-1, scanner.nextLong());
    assertEquals(-1, scanner.nextLong());
    assertEquals(
        -1L, scanner.nextLong(), "an unsigned 64-bit maximum wraps like Long.parseUnsignedLong");
  }

  @Test
  void shouldReadSeveralNumbersOrSayTheLineIsShortOfThem() {
    long[] into = new long[3];
    wrap("1 2 3 4\n5 6\n7 x 9\n");

    scanner.nextLine();
    assertTrue(scanner.nextLongs(into, 3));
    assertEquals(3, into[2]);
    scanner.nextLine();
    assertFalse(scanner.nextLongs(into, 3));
    scanner.nextLine();
    assertFalse(scanner.nextLongs(into, 3));
  }

  @Test
  void shouldReturnTheSameNameInstanceForTheSameBytesAcrossReads() {
    wrap("eth0 lo\n");
    scanner.nextLine();
    scanner.nextToken();
    String first = scanner.token(names);

    wrap("x eth0\n");
    scanner.nextLine();
    scanner.nextToken();
    scanner.nextToken();

    assertSame(first, scanner.token(names));
  }
}
