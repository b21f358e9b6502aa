package dev.vigil.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads records from a segment file one at a time, checking each one's framing and checksum. After
 * damage it resynchronises: it searches forward for the next sync marker that starts an intact
 * record. Holds the last record's bytes in a buffer reused from record to record.
 */
final class RecordScanner {
  /** An intact record was read: see {@link #type()}, {@link #seq()}, {@link #payload()}. */
  static final int RECORD = 0;

  /** No bytes are left before the limit. */
  static final int END = 1;

  /**
   * The bytes from {@link #damageStart()} up to {@link #nextOffset()} are not an intact record;
   * reading resumes there (at the next intact record, or at the limit when none follows).
   */
  static final int DAMAGED = 2;

  private static final int SEARCH_WINDOW = 64 << 10;

  private final ByteBuffer header = ByteBuffer.allocate(RecordFormat.RECORD_HEADER_BYTES);
  private final ByteBuffer search = ByteBuffer.allocate(SEARCH_WINDOW);
  private ByteBuffer body = ByteBuffer.allocate(4096);
  private byte type;
  private long seq;
  private int payloadLength;
  private long damageStart;
  private long nextOffset;

  /** Reads what starts at {@code offset}, looking no further than {@code limit}. */
  int next(FileChannel channel, long offset, long limit) throws IOException {
    if (offset >= limit) {
      nextOffset = limit;
      return END;
    }
    if (readRecordAt(channel, offset, limit)) {
      return RECORD;
    }
    damageStart = offset;
    nextOffset = resync(channel, offset + 1, limit);
    return DAMAGED;
  }

  byte type() {
    return type;
  }

  long seq() {
    return seq;
  }

  /** The last record's payload, starting at index 0, valid for {@link #payloadLength()} bytes. */
  byte[] payload() {
    return body.array();
  }

  int payloadLength() {
    return payloadLength;
  }

  long damageStart() {
    return damageStart;
  }

  /** Where the next record starts (after a record or a damaged stretch). */
  long nextOffset() {
    return nextOffset;
  }

  private boolean readRecordAt(FileChannel channel, long offset, long limit) throws IOException {
    if (limit - offset < RecordFormat.RECORD_OVERHEAD
        || !readFully(channel, header.clear(), offset)) {
      return false;
    }
    int length = header.getInt(4);
    if (header.getInt(0) != RecordFormat.SYNC
        || length < 0
        || length > RecordFormat.MAX_PAYLOAD_BYTES
        || limit - offset - RecordFormat.RECORD_OVERHEAD < length) {
      return false;
    }
    int rest = length + RecordFormat.RECORD_TRAILER_BYTES;
    if (body.capacity() < Math.max(rest, RecordFormat.RECORD_HEADER_BYTES + length)) {
      body = ByteBuffer.allocate(Math.max(rest, RecordFormat.RECORD_HEADER_BYTES + length) * 2);
    }
    // The CRC covers length, type, seq and payload: lay them out contiguously to check it.
    byte[] bytes = body.array();
    System.arraycopy(header.array(), 4, bytes, 0, RecordFormat.RECORD_HEADER_BYTES - 4);
    ByteBuffer tail =
        body.clear()
            .position(RecordFormat.RECORD_HEADER_BYTES - 4)
            .limit(RecordFormat.RECORD_HEADER_BYTES - 4 + rest);
    if (!readFully(channel, tail, offset + RecordFormat.RECORD_HEADER_BYTES)) {
      return false;
    }
    int covered = RecordFormat.RECORD_HEADER_BYTES - 4 + length;
    if (body.getInt(covered) != RecordFormat.crc(bytes, 0, covered)) {
      return false;
    }
    type = header.get(8);
    seq = header.getLong(9);
    payloadLength = length;
    System.arraycopy(bytes, RecordFormat.RECORD_HEADER_BYTES - 4, bytes, 0, length);
    nextOffset = offset + RecordFormat.RECORD_OVERHEAD + length;
    return true;
  }

  /** The offset of the next intact record at or after {@code from}, or {@code limit}. */
  private long resync(FileChannel channel, long from, long limit) throws IOException {
    long windowStart = from;
    while (windowStart < limit) {
      search.clear().limit((int) Math.min(SEARCH_WINDOW, limit - windowStart));
      int read = readSome(channel, search, windowStart);
      if (read < 4) {
        return limit;
      }
      for (int i = 0; i + 4 <= read; i++) {
        if (search.getInt(i) == RecordFormat.SYNC) {
          long candidate = windowStart + i;
          if (readRecordAt(channel, candidate, limit)) {
            return candidate;
          }
        }
      }
      // Overlap by 3 bytes so a marker split across two windows is still found.
      windowStart += read - 3;
    }
    return limit;
  }

  /** Fills {@code into} from its position on with the file's bytes from {@code position}. */
  private static boolean readFully(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    int start = into.position();
    while (into.hasRemaining()) {
      if (channel.read(into, position + into.position() - start) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int readSome(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    int total = 0;
    while (into.hasRemaining()) {
      int read = channel.read(into, position + total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }
}
