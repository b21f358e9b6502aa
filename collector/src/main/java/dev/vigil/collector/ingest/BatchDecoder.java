package dev.vigil.collector.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads an encoded {@code AgentFrame} in place and, when it carries a {@code Batch}, applies the
 * batch's values to a host's slot arrays without allocating.
 *
 * <p>Held one per ingest thread and re-pointed with {@link #wrap}. Frames other than a batch
 * (Hello, Catalog, Goodbye) are cold and left to the generated classes: {@link #wrap} only reports
 * them.
 *
 * <pre>
 * AgentFrame  = { field 3 (LEN): Batch | field 1,2,4 (LEN): cold member | unknown fields }
 * Batch       = 1 epoch (varint) | 2 seq (varint) | 3 timestamp_ms (varint)
 *             | 4 first_series_id (varint) | 5 series_ids (LEN, packed varints)
 *             | 6 values (LEN, packed little-endian float64) | unknown fields, any order
 * </pre>
 *
 * A frame is checked whole before anything is applied, so a malformed frame changes nothing.
 */
public final class BatchDecoder {
  /** {@link #wrap} found a Batch; its fields are available. */
  public static final int BATCH = 1;

  /** {@link #wrap} found a Hello, Catalog or Goodbye, for the generated parser. */
  public static final int COLD = 2;

  private static final VarHandle DOUBLE_LE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED64 = 1;
  private static final int WIRE_LEN = 2;
  private static final int WIRE_FIXED32 = 5;

  private byte[] buf;
  private int pos;
  private int limit;

  private long epoch;
  private long seq;
  private long timestampMillis;
  private long firstSeriesId;
  private int idsOffset;
  private int idsLength;
  private int valuesOffset;
  private int count;

  /** Series ids of the wrapped batch, decoded by {@link #checkSeriesIds}; grow-only. */
  private int[] ids = new int[1024];

  /**
   * Points the decoder at one frame and checks its structure.
   *
   * @return {@link #BATCH} or {@link #COLD}
   * @throws StreamException {@link IngestError#MALFORMED} when the bytes are not a valid frame
   */
  public int wrap(byte[] buffer, int offset, int length) throws StreamException {
    buf = buffer;
    pos = offset;
    limit = offset + length;
    int batchStart = -1;
    int batchEnd = -1;
    int members = 0;
    boolean cold = false;
    while (pos < limit) {
      long tag = readVarint();
      int field = fieldNumber(tag);
      int wire = (int) tag & 7;
      if (field >= 1 && field <= 4) {
        expectWire(field, wire, WIRE_LEN, "AgentFrame");
        int len = readLength();
        members++;
        if (field == 3) {
          batchStart = pos;
          batchEnd = pos + len;
        } else {
          cold = true;
        }
        pos += len;
      } else {
        skip(wire);
      }
    }
    if (members != 1) {
      throw malformed(
          members == 0 ? "frame carries no member" : "frame carries " + members + " members");
    }
    if (cold) {
      return COLD;
    }
    readBatch(batchStart, batchEnd);
    return BATCH;
  }

  private void readBatch(int start, int end) throws StreamException {
    pos = start;
    limit = end;
    epoch = 0;
    seq = 0;
    timestampMillis = 0;
    firstSeriesId = 0;
    idsOffset = -1;
    idsLength = 0;
    valuesOffset = -1;
    int valuesLength = 0;
    while (pos < limit) {
      long tag = readVarint();
      int field = fieldNumber(tag);
      int wire = (int) tag & 7;
      switch (field) {
        case 1 -> epoch = readVarintField(field, wire);
        case 2 -> seq = readVarintField(field, wire);
        case 3 -> timestampMillis = readVarintField(field, wire);
        case 4 -> firstSeriesId = readVarintField(field, wire) & 0xFFFF_FFFFL;
        case 5 -> {
          expectOnce(field, idsOffset);
          expectWire(field, wire, WIRE_LEN, "Batch");
          idsLength = readLength();
          idsOffset = pos;
          pos += idsLength;
        }
        case 6 -> {
          expectOnce(field, valuesOffset);
          expectWire(field, wire, WIRE_LEN, "Batch");
          valuesLength = readLength();
          valuesOffset = pos;
          pos += valuesLength;
        }
        default -> skip(wire);
      }
    }
    if ((valuesLength & 7) != 0) {
      throw malformed("Batch.values is " + valuesLength + " bytes, not a multiple of 8");
    }
    count = valuesLength >>> 3;
    if (valuesOffset < 0) {
      valuesOffset = start;
    }
  }

  /**
   * Checks every series id of the wrapped batch against the stream's catalog size.
   *
   * @throws StreamException {@link IngestError#PROTOCOL} for an unknown id or a count mismatch,
   *     {@link IngestError#MALFORMED} for a broken packed list
   */
  public void checkSeriesIds(int seriesCount) throws StreamException {
    if (idsOffset < 0) {
      if (firstSeriesId + count > seriesCount) {
        throw new StreamException(
            IngestError.PROTOCOL,
            "Batch covers series "
                + firstSeriesId
                + ".."
                + (firstSeriesId + count - 1)
                + " but the catalog defines "
                + seriesCount);
      }
      return;
    }
    int decoded = decodeIds(seriesCount);
    if (decoded != count) {
      throw new StreamException(
          IngestError.PROTOCOL, "Batch has " + decoded + " series ids but " + count + " values");
    }
  }

  /**
   * Decodes the packed id list once into {@link #ids}, checking each id, with the position in a
   * local: the list is the per-sample cost of explicit-id batches. Ids below 16,384 (one or two
   * bytes) take the inline path; longer varints go through the general reader.
   *
   * @return the number of ids
   */
  private int decodeIds(int seriesCount) throws StreamException {
    final byte[] b = buf;
    final int end = idsOffset + idsLength;
    if (ids.length < idsLength) {
      ids = new int[Math.max(idsLength, 2 * ids.length)]; // grow-only: an id takes at least a byte
    }
    final int[] out = ids;
    int p = idsOffset;
    int n = 0;
    while (p < end) {
      long id;
      byte b0 = b[p];
      if (b0 >= 0) {
        id = b0;
        p++;
      } else if (p + 1 < end && b[p + 1] >= 0) {
        id = (b0 & 0x7F) | (b[p + 1] << 7);
        p += 2;
      } else {
        pos = p;
        limit = end;
        id = readVarint() & 0xFFFF_FFFFL;
        p = pos;
      }
      if (id >= seriesCount) {
        throw new StreamException(
            IngestError.PROTOCOL,
            "Batch names series " + id + " but the catalog defines " + seriesCount);
      }
      out[n++] = (int) id;
    }
    return n;
  }

  /**
   * Writes the wrapped batch's values and timestamp into slot arrays. Call only after {@link
   * #checkSeriesIds} accepted the batch.
   *
   * @param slotOf stream series id → host slot
   */
  public void applyTo(int[] slotOf, double[] values, long[] updatedAtMillis) {
    final byte[] b = buf;
    final long t = timestampMillis;
    final int n = count;
    int v = valuesOffset;
    if (idsOffset < 0) {
      final int first = (int) firstSeriesId;
      for (int i = 0; i < n; i++, v += 8) {
        int slot = slotOf[first + i];
        values[slot] = (double) DOUBLE_LE.get(b, v);
        updatedAtMillis[slot] = t;
      }
      return;
    }
    final int[] decodedIds = ids;
    for (int i = 0; i < n; i++, v += 8) {
      int slot = slotOf[decodedIds[i]];
      values[slot] = (double) DOUBLE_LE.get(b, v);
      updatedAtMillis[slot] = t;
    }
  }

  public long epoch() {
    return epoch;
  }

  public long seq() {
    return seq;
  }

  public long timestampMillis() {
    return timestampMillis;
  }

  /** Number of samples in the wrapped batch. */
  public int count() {
    return count;
  }

  private long readVarintField(int field, int wire) throws StreamException {
    expectWire(field, wire, WIRE_VARINT, "Batch");
    return readVarint();
  }

  private long readVarint() throws StreamException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= limit) {
        throw malformed("truncated varint at byte " + pos);
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw malformed("varint longer than 10 bytes at byte " + pos);
  }

  private int readLength() throws StreamException {
    long len = readVarint();
    if (len < 0 || len > limit - pos) {
      throw malformed(
          "length " + Long.toUnsignedString(len) + " at byte " + pos + " runs past the end");
    }
    return (int) len;
  }

  private void skip(int wire) throws StreamException {
    switch (wire) {
      case WIRE_VARINT -> readVarint();
      case WIRE_FIXED64 -> skipBytes(8);
      case WIRE_LEN -> {
        int len = readLength(); // not `pos += readLength()`: that adds to pos as it was before
        pos += len;
      }
      case WIRE_FIXED32 -> skipBytes(4);
      default -> throw malformed("unsupported wire type " + wire + " at byte " + pos);
    }
  }

  private void skipBytes(int n) throws StreamException {
    if (n > limit - pos) {
      throw malformed("fixed-size field at byte " + pos + " runs past the end");
    }
    pos += n;
  }

  private int fieldNumber(long tag) throws StreamException {
    long field = tag >>> 3;
    if (field == 0 || field > 0x1FFF_FFFFL) {
      throw malformed("invalid field number " + field + " before byte " + pos);
    }
    return (int) field;
  }

  private static void expectWire(int field, int wire, int expected, String message)
      throws StreamException {
    if (wire != expected) {
      throw malformed(
          message + " field " + field + " has wire type " + wire + ", expected " + expected);
    }
  }

  private static void expectOnce(int field, int offsetSoFar) throws StreamException {
    if (offsetSoFar >= 0) {
      throw malformed("Batch field " + field + " appears more than once");
    }
  }

  private static StreamException malformed(String description) {
    return new StreamException(IngestError.MALFORMED, description);
  }
}
