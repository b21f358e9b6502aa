package dev.vigil.agent.spool.codec;

/**
 * Reads the bits a {@link BitWriter} wrote; reading past the end throws a {@link
 * CorruptTickException}.
 */
final class BitReader {
  private byte[] bytes;
  private long position;
  private long limit;

  void wrap(byte[] source, int offset, int length) {
    bytes = source;
    position = (long) offset << 3;
    limit = (long) (offset + length) << 3;
  }

  boolean readBit() throws CorruptTickException {
    return readBits(1) != 0;
  }

  /** Reads {@code count} bits, 0 to 64, most significant first. */
  long readBits(int count) throws CorruptTickException {
    if (position + count > limit) {
      throw new CorruptTickException("tick ends " + (position + count - limit) + " bits early");
    }
    long value = 0;
    for (int left = count; left > 0; ) {
      int current = bytes[(int) (position >>> 3)] & 0xFF;
      int available = 8 - (int) (position & 7);
      int take = Math.min(available, left);
      int chunk = (current >>> (available - take)) & ((1 << take) - 1);
      value = (value << take) | chunk;
      left -= take;
      position += take;
    }
    return value;
  }

  long readUnsigned() throws CorruptTickException {
    int significant = (int) readBits(6) + 1;
    return readBits(significant);
  }

  long readSigned() throws CorruptTickException {
    long zigzag = readUnsigned();
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  /** Whether fewer than 8 bits remain, i.e. only the padding of the last byte is left. */
  boolean atEnd() {
    return limit - position < 8;
  }
}
