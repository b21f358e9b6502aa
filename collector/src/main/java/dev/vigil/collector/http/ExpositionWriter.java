package dev.vigil.collector.http;

import io.netty.buffer.ByteBuf;

/**
 * Writes exposition text into a {@link ByteBuf} without allocating: pre-rendered bytes, and numbers
 * formatted through scratch space owned by the writer. Not thread-safe; one per thread.
 *
 * <p>Every double is written so that it parses back to the very same double. Integral values below
 * 1e15 are plain digits. Other finite values are fixed-point digits: the shortest with up to about
 * 15 significant digits when dividing back proves it exact, else 17 significant digits correctly
 * rounded by exact 128-bit integer arithmetic (17 digits always identify a double). Only larger
 * integral values and magnitudes below 1e-11 go through {@link StringBuilder#append(double)}, whose
 * JDK 17 implementation allocates big integers (200 to 660 bytes per value, measured) for small and
 * huge exponents.
 */
final class ExpositionWriter {
  /** Beyond this, an integral double is no longer written as plain digits. */
  private static final double MAX_PLAIN_INTEGRAL = 1e15;

  /** Doubles below this magnitude hold every integer exactly. */
  private static final double EXACT_INTEGERS = 0x1p53;

  /** Significant digits that identify any double. */
  private static final int EXACT_DIGITS = 17;

  private static final long MIN_EXACT_MANTISSA = 10_000_000_000_000_000L;
  private static final long MAX_EXACT_MANTISSA = 100_000_000_000_000_000L;

  /** Powers of five that fit a long, so that 5^k times a double's 53 bits fits 128 bits. */
  private static final long[] POWERS_OF_FIVE = new long[28];

  /** Powers of ten that are exact doubles (10^22 is the largest). */
  private static final double[] POWERS_OF_TEN = new double[23];

  private static final byte[] NAN = {'N', 'a', 'N'};
  private static final byte[] PLUS_INF = {'+', 'I', 'n', 'f'};
  private static final byte[] MINUS_INF = {'-', 'I', 'n', 'f'};

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
    long five = 1;
    for (int i = 0; i < POWERS_OF_FIVE.length; i++) {
      POWERS_OF_FIVE[i] = five;
      five *= 5;
    }
  }

  private final byte[] digits = new byte[24];
  private final StringBuilder fallback = new StringBuilder(32);
  private ByteBuf out;

  /** Points the writer at {@code buffer}; later writes append to it. */
  ExpositionWriter wrap(ByteBuf buffer) {
    this.out = buffer;
    return this;
  }

  void bytes(byte[] text) {
    out.writeBytes(text);
  }

  void ascii(char c) {
    out.writeByte(c);
  }

  /** A sample value as the text format spells it. */
  void value(double v) {
    if (Double.isNaN(v)) {
      out.writeBytes(NAN);
    } else if (Double.isInfinite(v)) {
      out.writeBytes(v > 0 ? PLUS_INF : MINUS_INF);
    } else if (v == Math.rint(v) && Math.abs(v) < MAX_PLAIN_INTEGRAL) {
      integer((long) v);
    } else if (v == Math.rint(v) || !(fixedPoint(v) || seventeenDigits(v))) {
      fallback.setLength(0);
      fallback.append(v);
      for (int i = 0; i < fallback.length(); i++) {
        out.writeByte(fallback.charAt(i));
      }
    }
  }

  /**
   * Writes {@code v} as {@code m / 10^k} for the smallest {@code k} where that quotient, rounded as
   * a parser rounds it, is {@code v} again; false when no such {@code m} fits a double exactly.
   */
  private boolean fixedPoint(double v) {
    for (int scale = 1; scale < POWERS_OF_TEN.length; scale++) {
      double scaled = v * POWERS_OF_TEN[scale];
      if (Math.abs(scaled) >= EXACT_INTEGERS) {
        return false;
      }
      double mantissa = Math.rint(scaled);
      if (mantissa / POWERS_OF_TEN[scale] == v) {
        decimal((long) mantissa, scale);
        return true;
      }
    }
    return false;
  }

  /**
   * Writes {@code |v| = f * 2^e} as {@code m / 10^k} with {@code m} of 17 digits, {@code m} the
   * exact product {@code f * 5^k} shifted right by {@code -(e + k)} bits and rounded half to even;
   * false when {@code k} leaves the range where {@code 5^k} fits a long.
   */
  private boolean seventeenDigits(double v) {
    long bits = Double.doubleToRawLongBits(Math.abs(v));
    int biased = (int) (bits >>> 52);
    if (biased == 0) {
      return false;
    }
    long f = (bits & 0xf_ffff_ffff_ffffL) | (1L << 52);
    int e = biased - 1075;
    int scale = EXACT_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(v)));
    for (int attempt = 0; attempt < 2; attempt++) {
      if (scale < 1 || scale >= POWERS_OF_FIVE.length || e + scale > 0) {
        return false;
      }
      long m = scaledRounded(f, POWERS_OF_FIVE[scale], -(e + scale));
      if (m >= MAX_EXACT_MANTISSA) {
        scale--;
      } else if (m < MIN_EXACT_MANTISSA) {
        scale++;
      } else {
        // Never down to an integer: v is not integral, and an integer this close would be v.
        while (m % 10 == 0) {
          m /= 10;
          scale--;
        }
        decimal(v < 0 ? -m : m, scale);
        return true;
      }
    }
    return false;
  }

  /** {@code f * factor / 2^shift}, rounded half to even, for a product below 2^127. */
  private static long scaledRounded(long f, long factor, int shift) {
    long hi = Math.multiplyHigh(f, factor);
    long lo = f * factor;
    if (shift == 0) {
      return lo;
    }
    long m;
    long half;
    boolean sticky;
    if (shift < 64) {
      m = (hi << (64 - shift)) | (lo >>> shift);
      half = (lo >>> (shift - 1)) & 1;
      sticky = (lo & ((1L << (shift - 1)) - 1)) != 0;
    } else if (shift == 64) {
      m = hi;
      half = lo >>> 63;
      sticky = (lo << 1) != 0;
    } else {
      m = hi >>> (shift - 64);
      half = (hi >>> (shift - 65)) & 1;
      sticky = (hi & ((1L << (shift - 65)) - 1)) != 0 || lo != 0;
    }
    return half == 1 && (sticky || (m & 1) == 1) ? m + 1 : m;
  }

  /** Milliseconds since the epoch as seconds with three decimals. */
  void millisAsSeconds(long millis) {
    if (millis < 0) {
      out.writeByte('-');
    }
    long magnitude = Math.abs(millis);
    integer(magnitude / 1000);
    long fraction = magnitude % 1000;
    out.writeByte('.');
    out.writeByte('0' + (int) (fraction / 100));
    out.writeByte('0' + (int) (fraction / 10 % 10));
    out.writeByte('0' + (int) (fraction % 10));
  }

  void integer(long v) {
    if (v < 0) {
      out.writeByte('-');
    }
    int start = renderDigits(v);
    out.writeBytes(digits, start, digits.length - start);
  }

  private void decimal(long mantissa, int scale) {
    if (mantissa < 0) {
      out.writeByte('-');
    }
    int start = renderDigits(mantissa);
    int count = digits.length - start;
    int whole = count - scale;
    if (whole <= 0) {
      out.writeByte('0');
      out.writeByte('.');
      for (int i = whole; i < 0; i++) {
        out.writeByte('0');
      }
      out.writeBytes(digits, start, count);
    } else {
      out.writeBytes(digits, start, whole);
      out.writeByte('.');
      out.writeBytes(digits, start + whole, scale);
    }
  }

  /** Fills the tail of {@link #digits} with the magnitude of {@code v}; returns the first index. */
  private int renderDigits(long v) {
    int i = digits.length;
    long rest = v;
    do {
      digits[--i] = (byte) ('0' + Math.abs(rest % 10));
      rest /= 10;
    } while (rest != 0);
    return i;
  }
}
