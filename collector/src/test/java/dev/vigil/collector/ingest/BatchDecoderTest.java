package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchDecoderTest {
  private final BatchDecoder decoder = new BatchDecoder();

  @Test
  void shouldReadEveryFieldOfADenseBatchEncodedByTheGeneratedClasses() throws Exception {
    byte[] frame = Frames.frame(Frames.batch(42, 1.5, -2.25, 1e300).setFirstSeriesId(3));

    assertEquals(BatchDecoder.BATCH, decoder.wrap(frame, 0, frame.length));
    assertEquals(Frames.EPOCH, decoder.epoch());
    assertEquals(42, decoder.seq());
    assertEquals(1_700_000_000_042L, decoder.timestampMillis());
    assertEquals(3, decoder.count());

    double[] values = apply(6, 6);
    assertArrayEquals(new double[] {0, 0, 0, 1.5, -2.25, 1e300}, values);
  }

  @Test
  void shouldApplyExplicitSeriesIdsToTheirSlots() throws Exception {
    byte[] frame = Frames.frame(Frames.batch(1, 10, 20, 30).addAllSeriesIds(ids(4, 0, 2)));
    decoder.wrap(frame, 0, frame.length);

    assertArrayEquals(new double[] {20, 0, 30, 0, 10}, apply(5, 5));
  }

  @Test
  void shouldMatchTheGeneratedParserOnRandomBatches() throws Exception {
    Random random = new Random(1);
    for (int round = 0; round < 500; round++) {
      int n = random.nextInt(600);
      Batch.Builder batch = Frames.batch(1 + random.nextInt(1 << 30), randomValues(random, n));
      if (random.nextBoolean()) {
        batch.addAllSeriesIds(shuffledIds(random, n));
      } else {
        batch.setFirstSeriesId(random.nextInt(100));
      }
      byte[] frame = Frames.frame(batch);
      Batch reference = AgentFrame.parseFrom(frame).getBatch();

      decoder.wrap(frame, 0, frame.length);
      decoder.checkSeriesIds(700);
      double[] values = apply(700, 700);

      assertEquals(reference.getSeq(), decoder.seq());
      for (int i = 0; i < n; i++) {
        int id =
            reference.getSeriesIdsCount() > 0
                ? reference.getSeriesIds(i)
                : reference.getFirstSeriesId() + i;
        assertEquals(
            Double.doubleToRawLongBits(reference.getValues(i)),
            Double.doubleToRawLongBits(values[id]));
      }
    }
  }

  @Test
  void shouldSkipUnknownFieldsOfEveryWireTypeInFrameAndBatch() throws Exception {
    UnknownFieldSet unknown =
        UnknownFieldSet.newBuilder()
            .addField(
                99,
                UnknownFieldSet.Field.newBuilder()
                    .addVarint(300)
                    .addFixed32(7)
                    .addFixed64(8)
                    .addLengthDelimited(ByteString.copyFromUtf8("future"))
                    .build())
            .build();
    byte[] frame =
        AgentFrame.newBuilder()
            .setBatch(Frames.batch(5, 1, 2).setUnknownFields(unknown))
            .setUnknownFields(unknown)
            .build()
            .toByteArray();

    assertEquals(BatchDecoder.BATCH, decoder.wrap(frame, 0, frame.length));
    assertEquals(5, decoder.seq());
    assertArrayEquals(new double[] {1, 2}, apply(2, 2));
  }

  @Test
  void shouldReportHelloCatalogAndGoodbyeAsCold() throws Exception {
    for (byte[] frame : new byte[][] {Frames.hello("h"), Frames.cpuCatalog(3), Frames.goodbye()}) {
      assertEquals(BatchDecoder.COLD, decoder.wrap(frame, 0, frame.length));
    }
  }

  @Test
  void shouldDecodeAFrameAtAnOffsetWithinALargerBuffer() throws Exception {
    byte[] frame = Frames.denseBatch(9, 4, 5);
    byte[] padded = new byte[frame.length + 10];
    System.arraycopy(frame, 0, padded, 5, frame.length);

    decoder.wrap(padded, 5, frame.length);

    assertEquals(9, decoder.seq());
    assertArrayEquals(new double[] {4, 5}, apply(2, 2));
  }

  @Test
  void shouldRejectAVarintCutShort() {
    byte[] frame = Frames.denseBatch(1L << 40, 1);
    byte[] cut = Arrays.copyOf(frame, 8);
    cut[1] = 6; // the batch now claims to end inside the seq varint

    assertMalformed(cut, "truncated varint");
  }

  @Test
  void shouldRejectAVarintLongerThanTenBytes() {
    byte[] bytes =
        bytes(0x1A, 12, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
    assertMalformed(bytes, "varint longer than 10 bytes");
  }

  @Test
  void shouldRejectAKnownFieldWithTheWrongWireType() {
    // Batch field 6 (values) sent unpacked as a single fixed64.
    byte[] bytes = bytes(0x1A, 9, 0x31, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F);
    assertMalformed(bytes, "field 6 has wire type 1, expected 2");
  }

  @Test
  void shouldRejectAFrameMemberWithTheWrongWireType() {
    assertMalformed(bytes(0x18, 1), "AgentFrame field 3 has wire type 0, expected 2");
  }

  @Test
  void shouldRejectALengthPastTheEnd() {
    assertMalformed(bytes(0x1A, 3, 0x32, 16, 0), "length 16 at byte 4 runs past the end");
  }

  @Test
  void shouldRejectAHugeLength() {
    byte[] bytes = bytes(0x1A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
    assertMalformed(bytes, "length 18446744073709551615");
  }

  @Test
  void shouldRejectValuesThatAreNotWholeDoubles() {
    assertMalformed(bytes(0x1A, 5, 0x32, 3, 1, 2, 3), "not a multiple of 8");
  }

  @Test
  void shouldRejectGroupsAndInvalidWireTypes() {
    assertMalformed(bytes(0x1A, 2, 0x7B, 0), "unsupported wire type 3");
    assertMalformed(bytes(0x1A, 1, 0x7F), "unsupported wire type 7");
  }

  @Test
  void shouldRejectFieldNumberZero() {
    assertMalformed(bytes(0x1A, 2, 0x00, 0), "invalid field number 0");
  }

  @Test
  void shouldRejectFramesWithNoneOrSeveralMembers() {
    assertMalformed(new byte[0], "frame carries no member");
    byte[] batch = Frames.denseBatch(1, 1);
    byte[] twice = new byte[batch.length * 2];
    System.arraycopy(batch, 0, twice, 0, batch.length);
    System.arraycopy(batch, 0, twice, batch.length, batch.length);
    assertMalformed(twice, "frame carries 2 members");
  }

  @Test
  void shouldRejectAPackedFieldThatAppearsTwice() {
    assertMalformed(bytes(0x1A, 4, 0x2A, 0, 0x2A, 0), "field 5 appears more than once");
  }

  @Test
  void shouldRejectDenseIdsBeyondTheCatalog() throws Exception {
    byte[] frame = Frames.frame(Frames.batch(1, 1, 2, 3).setFirstSeriesId(8));
    decoder.wrap(frame, 0, frame.length);

    StreamException e = assertThrows(StreamException.class, () -> decoder.checkSeriesIds(10));
    assertEquals(IngestError.PROTOCOL, e.error());
    assertEquals("Batch covers series 8..10 but the catalog defines 10", e.getMessage());
  }

  @Test
  void shouldRejectAnExplicitIdBeyondTheCatalog() throws Exception {
    byte[] frame = Frames.frame(Frames.batch(1, 1, 2).addAllSeriesIds(ids(1, 10)));
    decoder.wrap(frame, 0, frame.length);

    StreamException e = assertThrows(StreamException.class, () -> decoder.checkSeriesIds(10));
    assertEquals("Batch names series 10 but the catalog defines 10", e.getMessage());
  }

  @Test
  void shouldRejectIdsAndValuesOfDifferentLengths() throws Exception {
    byte[] frame = Frames.frame(Frames.batch(1, 1, 2).addAllSeriesIds(ids(0)));
    decoder.wrap(frame, 0, frame.length);

    StreamException e = assertThrows(StreamException.class, () -> decoder.checkSeriesIds(10));
    assertEquals("Batch has 1 series ids but 2 values", e.getMessage());
  }

  @Test
  void shouldNeverFailOtherThanWithAStreamExceptionOnCorruptedFrames() {
    Random random = new Random(7);
    byte[] valid = Frames.frame(Frames.batch(77, Frames.ramp(40, 0)).addAllSeriesIds(ids(40)));
    int accepted = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] frame = valid.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
      }
      int length = random.nextInt(10) == 0 ? random.nextInt(frame.length) : frame.length;
      try {
        if (decoder.wrap(frame, 0, length) == BatchDecoder.BATCH) {
          decoder.checkSeriesIds(64);
          decoder.applyTo(new int[64], new double[1], new long[1]);
          accepted++;
        }
      } catch (StreamException expected) {
        // the only way a bad frame may fail
      }
    }
    assertTrue(accepted > 0, "some corruptions only change values and must still be accepted");
  }

  /** Checks, then applies the wrapped batch to identity-mapped slots, as a session does. */
  private double[] apply(int series, int slots) throws StreamException {
    decoder.checkSeriesIds(series);
    int[] slotOf = new int[series];
    for (int i = 0; i < series; i++) {
      slotOf[i] = i;
    }
    double[] values = new double[slots];
    decoder.applyTo(slotOf, values, new long[slots]);
    return values;
  }

  private static Iterable<Integer> ids(int... ids) {
    return Arrays.stream(ids).boxed().toList();
  }

  /** Distinct ids below 700 in random order, so that no value overwrites another. */
  private static Iterable<Integer> shuffledIds(Random random, int n) {
    List<Integer> ids = new ArrayList<>(IntStream.range(0, 700).boxed().toList());
    Collections.shuffle(ids, random);
    return ids.subList(0, n);
  }

  private static double[] randomValues(Random random, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000);
            case 1 -> Double.longBitsToDouble(random.nextLong());
            case 2 -> Double.NaN;
            default -> random.nextGaussian() * 1e9;
          };
    }
    return values;
  }

  private static byte[] bytes(int... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int v : values) {
      out.write(v);
    }
    return out.toByteArray();
  }

  private void assertMalformed(byte[] frame, String expectedPart) {
    StreamException e =
        assertThrows(StreamException.class, () -> decoder.wrap(frame, 0, frame.length));
    assertEquals(IngestError.MALFORMED, e.error());
    assertTrue(
        e.getMessage().contains(expectedPart),
        () -> "expected \"" + expectedPart + "\" in \"" + e.getMessage() + "\"");
  }
}
