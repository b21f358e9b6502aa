package dev.vigil.agent.spool.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.wire.Tick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickCodecTest {
  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    Double.NaN,
    Double.longBitsToDouble(0x7ff8_0000_dead_beefL), // a quiet NaN with a payload
    Double.longBitsToDouble(0xfff0_0000_0000_0001L), // a negative signalling NaN
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE, // the smallest subnormal
    Double.MIN_NORMAL / 3, // a subnormal
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    0x1p53,
    0x1p53 + 2,
    -0x1p53,
    0.1,
    0.52,
    12345.67,
    1.0 / 3,
    1e-9,
    1234567e-9,
    4.5e15,
    1
  };

  private final TickEncoder encoder = new TickEncoder(8);
  private final TickDecoder decoder = new TickDecoder();
  private final Tick decoded = new Tick();

  private static Tick tick(long timestampMs, int[] ids, double[] values) {
    Tick tick = new Tick();
    tick.start(timestampMs);
    for (int i = 0; i < ids.length; i++) {
      tick.add(ids[i], values[i]);
    }
    return tick;
  }

  private static int[] range(int count) {
    int[] ids = new int[count];
    Arrays.setAll(ids, i -> i);
    return ids;
  }

  /** Encodes and decodes {@code tick}, failing unless every value comes back bit for bit. */
  private int roundTrip(Tick tick) throws CorruptTickException {
    int length = encoder.encode(tick);
    byte[] bytes = Arrays.copyOf(encoder.buffer(), length);
    decoder.decode(bytes, 0, length, decoded);
    assertEquals(tick.timestampMs(), decoded.timestampMs());
    assertEquals(tick.count(), decoded.count());
    for (int i = 0; i < tick.count(); i++) {
      assertEquals(tick.id(i), decoded.id(i));
      assertEquals(
          Long.toHexString(Double.doubleToRawLongBits(tick.value(i))),
          Long.toHexString(Double.doubleToRawLongBits(decoded.value(i))),
          "series " + tick.id(i));
    }
    return length;
  }

  @Test
  void shouldReproduceSpecialDoublesBitForBitInEveryOrder() throws Exception {
    Random random = new Random(1);
    double[] values = SPECIAL.clone();
    for (int round = 0; round < 200; round++) {
      roundTrip(tick(1_000L * round, range(values.length), values.clone()));
      for (int i = values.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double swap = values[i];
        values[i] = values[j];
        values[j] = swap;
      }
    }
  }

  @Test
  void shouldReproduceRandomBitPatternsAndDecimalWalks() throws Exception {
    Random random = new Random(2);
    double[] values = new double[64];
    for (int round = 0; round < 500; round++) {
      for (int i = 0; i < values.length; i++) {
        switch (i % 4) {
          case 0 -> values[i] = Double.longBitsToDouble(random.nextLong());
          case 1 -> values[i] = Math.round(values[i] * 100 + random.nextInt(5000)) / 100.0;
          case 2 -> values[i] = random.nextBoolean() ? values[i] : random.nextGaussian();
          default -> values[i] = (long) (random.nextGaussian() * 1e6) / 1e9;
        }
      }
      roundTrip(tick(random.nextLong() >>> 20, range(values.length), values.clone()));
    }
  }

  @Test
  void shouldCarryChangingSparseIdSetsAndIrregularTimestamps() throws Exception {
    Random random = new Random(3);
    for (int round = 0; round < 300; round++) {
      List<Integer> ids = new ArrayList<>();
      for (int id = 0; id < 300; id++) {
        if (random.nextInt(10) > 0 || round % 7 == 0) {
          ids.add(id);
        }
      }
      double[] values = new double[ids.size()];
      Arrays.setAll(values, i -> random.nextInt(3));
      long timestamp = 1_790_000_000_000L + round * 15_000L + random.nextInt(2_000) - 1_000;
      roundTrip(tick(timestamp, ids.stream().mapToInt(Integer::intValue).toArray(), values));
    }
  }

  @Test
  void shouldStoreUnchangedValuesInOneBitEach() throws Exception {
    double[] values = new double[1000];
    Arrays.fill(values, 12345.678);
    roundTrip(tick(15_000, range(1000), values));

    int length = roundTrip(tick(30_000, range(1000), values));

    assertTrue(length <= 1000 / 8 + 4, length + " bytes for 1000 unchanged values");
  }

  @Test
  void shouldMakeEveryNthTickAKeyframeThatDecodesAlone() throws Exception {
    double[] values = {1.5, 2.5};
    List<byte[]> encoded = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      values[0] += 1;
      int length = encoder.encode(tick(i * 15_000L, range(2), values));
      encoded.add(Arrays.copyOf(encoder.buffer(), length));
    }

    for (int i = 0; i < encoded.size(); i++) {
      assertEquals(i % 8 == 0, TickDecoder.isKeyframe(encoded.get(i), 0), "tick " + i);
    }
    TickDecoder fresh = new TickDecoder();
    byte[] ninth = encoded.get(8);
    fresh.decode(ninth, 0, ninth.length, decoded);
    assertEquals(10.5, decoded.value(0));
    assertEquals(8 * 15_000L, decoded.timestampMs());
  }

  @Test
  void shouldRefuseADeltaTickUntilTheNextKeyframeAfterDesync() throws Exception {
    double[] values = {1, 2};
    byte[] first = encodeCopy(tick(0, range(2), values));
    byte[] second = encodeCopy(tick(15_000, range(2), new double[] {3, 4}));
    decoder.decode(first, 0, first.length, decoded);

    decoder.desync();

    assertThrows(
        CorruptTickException.class, () -> decoder.decode(second, 0, second.length, decoded));
    decoder.decode(first, 0, first.length, decoded);
    decoder.decode(second, 0, second.length, decoded);
    assertEquals(4.0, decoded.value(1));
  }

  @Test
  void shouldThrowOnlyCorruptTickExceptionForDamagedBytes() throws Exception {
    Random random = new Random(4);
    double[] values = new double[50];
    Arrays.setAll(values, i -> i * 1.25);
    byte[] keyframe = encodeCopy(tick(1_790_000_000_000L, range(50), values));
    int failures = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] damaged = keyframe.clone();
      damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
      int length = random.nextInt(4) == 0 ? random.nextInt(damaged.length + 1) : damaged.length;
      try {
        new TickDecoder().decode(damaged, 0, length, decoded);
      } catch (CorruptTickException e) {
        failures++;
      }
    }
    assertTrue(failures > 0, "some damage must be detected by the decoder itself");
  }

  @Test
  void shouldRejectIdsThatDoNotAscend() {
    Tick tick = new Tick();
    tick.start(0);
    tick.add(5, 1);

    assertThrows(IllegalArgumentException.class, () -> tick.add(5, 2));
    assertEquals(1, tick.count());
  }

  private byte[] encodeCopy(Tick tick) {
    int length = encoder.encode(tick);
    return Arrays.copyOf(encoder.buffer(), length);
  }
}
