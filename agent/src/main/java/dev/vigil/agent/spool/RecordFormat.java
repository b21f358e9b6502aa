package dev.vigil.agent.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The byte layout of segment files (drawn in {@link dev.vigil.agent.spool}): a checksummed file
 * header, then records that each start with a sync marker and end with a CRC32C, so a reader can
 * find the next intact record after damage.
 */
final class RecordFormat {
  static final long FILE_MAGIC = 0x5649474C53504F4CL; // "VIGLSPOL"
  static final int FILE_VERSION = 1;

  /** Magic, version, epoch, CRC32C of the first 20 bytes. */
  static final int FILE_HEADER_BYTES = 24;

  static final int SYNC = 0xE2565352; // 0xE2 'V' 'S' 'R'

  /** Sync, payload length, type, seq. */
  static final int RECORD_HEADER_BYTES = 17;

  static final int RECORD_TRAILER_BYTES = 4;
  static final int RECORD_OVERHEAD = RECORD_HEADER_BYTES + RECORD_TRAILER_BYTES;

  /** A catalog of the largest host the collector accepts stays far below this. */
  static final int MAX_PAYLOAD_BYTES = 16 << 20;

  /** A vigil.v1 Catalog message; seq is the seq of the tick that follows it. */
  static final byte TYPE_CATALOG = 1;

  /** One tick in the compact encoding of {@link dev.vigil.agent.spool.codec}. */
  static final byte TYPE_TICK = 2;

  private RecordFormat() {}

  static ByteBuffer fileHeader(long epoch) {
    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES);
    header.putLong(FILE_MAGIC).putInt(FILE_VERSION).putLong(epoch);
    header.putInt(crc(header.array(), 0, FILE_HEADER_BYTES - 4));
    return header.flip();
  }

  /** The epoch of a valid file header, or -1 when the header is damaged or of another version. */
  static long epochOf(ByteBuffer header) {
    byte[] bytes = header.array();
    if (header.getLong(0) != FILE_MAGIC
        || header.getInt(8) != FILE_VERSION
        || header.getInt(20) != crc(bytes, 0, FILE_HEADER_BYTES - 4)) {
      return -1;
    }
    return header.getLong(12);
  }

  /** Frames {@code payload[0, length)} as a record into {@code out}, which must have room. */
  static void writeRecord(ByteBuffer out, byte type, long seq, byte[] payload, int length) {
    int start = out.position();
    out.putInt(SYNC).putInt(length).put(type).putLong(seq).put(payload, 0, length);
    out.putInt(crc(out.array(), start + 4, RECORD_HEADER_BYTES - 4 + length));
  }

  /** CRC32C (Castagnoli), as in iSCSI and ext4 metadata; hardware-accelerated on x86 and ARM. */
  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
