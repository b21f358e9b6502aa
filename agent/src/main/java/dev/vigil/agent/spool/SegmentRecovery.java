package dev.vigil.agent.spool;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.proto.v1.Catalog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one segment when the spool opens: reads its header and every record, counts damaged
 * stretches, learns its ticks' seqs and its epoch, and cuts off a damaged end. A torn end of the
 * newest segment is what a crash in the middle of an append leaves, so it is cut off without being
 * counted; anywhere else, damage is counted and reported.
 */
final class SegmentRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

  private final RecordScanner scanner = new RecordScanner();
  private int damaged;

  /** Damaged stretches found so far, over every segment recovered. */
  int damaged() {
    return damaged;
  }

  void recover(Segment segment, boolean newest) throws IOException {
    FileChannel channel = segment.channel();
    long fileSize = channel.size();
    if (fileSize < RecordFormat.FILE_HEADER_BYTES) {
      // A crash between creating the file and writing its header: an empty segment.
      segment.size = fileSize;
      segment.damageCountedEnd = fileSize;
      return;
    }
    ByteBuffer header = ByteBuffer.allocate(RecordFormat.FILE_HEADER_BYTES);
    channel.read(header, 0);
    segment.epoch = RecordFormat.epochOf(header);
    if (segment.epoch < 0) {
      report(segment, 0, "its header is damaged");
    }
    long end = scanRecords(segment, channel, fileSize, newest);
    if (end < fileSize) {
      channel.truncate(end);
    }
    segment.size = end;
    segment.damageCountedEnd = end;
  }

  /** Reads every record; returns where the intact part ends. */
  private long scanRecords(Segment segment, FileChannel channel, long fileSize, boolean newest)
      throws IOException {
    long offset = RecordFormat.FILE_HEADER_BYTES;
    while (true) {
      int status = scanner.next(channel, offset, fileSize);
      if (status == RecordScanner.END) {
        return offset;
      }
      if (status == RecordScanner.RECORD) {
        learn(segment);
      } else if (scanner.nextOffset() == fileSize) {
        if (newest) {
          LOG.info(
              "{}: cut off an incomplete last record at byte {} (left by a crash while writing)",
              segment.path,
              scanner.damageStart());
        } else {
          report(segment, scanner.damageStart(), "its end is damaged");
        }
        return scanner.damageStart();
      } else {
        report(segment, scanner.damageStart(), "skipped to the next intact record");
      }
      offset = scanner.nextOffset();
    }
  }

  private void learn(Segment segment) {
    if (scanner.type() == RecordFormat.TYPE_TICK) {
      segment.noteTick(scanner.seq());
    } else if (scanner.type() == RecordFormat.TYPE_CATALOG && segment.epoch < 0) {
      try {
        Catalog catalog =
            Catalog.parseFrom(ByteBuffer.wrap(scanner.payload(), 0, scanner.payloadLength()));
        if (catalog.getFirstSymbolId() == 1 && catalog.getFirstSeriesId() == 0) {
          segment.epoch = catalog.getEpoch();
        }
      } catch (InvalidProtocolBufferException e) {
        report(segment, scanner.nextOffset(), "a catalog record does not parse");
      }
    }
  }

  private void report(Segment segment, long offset, String what) {
    damaged++;
    LOG.warn("spool segment {} is damaged near byte {}: {}", segment.path, offset, what);
  }
}
