package dev.vigil.agent.spool;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.agent.spool.codec.CorruptTickException;
import dev.vigil.agent.spool.codec.TickDecoder;
import dev.vigil.agent.wire.BatchEncoder;
import dev.vigil.agent.wire.Tick;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Catalog;
import java.nio.ByteBuffer;

/**
 * Reads the spool from its oldest segment on, as the frames one new stream needs: each catalog
 * record reduced to what this stream has not been sent yet in that epoch, and each tick above the
 * acknowledged seq as a Batch. Ticks that cannot be sent correctly (damaged, or naming series whose
 * definitions were lost) are skipped and counted, never guessed. One reader per stream, used by one
 * thread.
 */
public final class SpoolReader {
  private final Spool spool;
  private final long afterSeq;
  private final SpoolCursor cursor = new SpoolCursor();
  private final TickDecoder decoder = new TickDecoder();
  private final Tick tick = new Tick();
  private long streamEpoch = -1;
  private int streamSymbols;
  private int streamSeries;
  private long lastSeq;

  SpoolReader(Spool spool, long afterSeq) {
    this.spool = spool;
    this.afterSeq = afterSeq;
  }

  /**
   * The next frame to send, or null when every record spooled so far has been read (call again
   * after the next append).
   */
  public AgentFrame next() {
    while (true) {
      int status = spool.read(cursor);
      if (cursor.enteredSegment) {
        cursor.enteredSegment = false;
        decoder.desync();
      }
      if (status == RecordScanner.END) {
        return null;
      }
      if (status == RecordScanner.DAMAGED) {
        decoder.desync();
        continue;
      }
      AgentFrame frame =
          cursor.scanner.type() == RecordFormat.TYPE_CATALOG ? catalogFrame() : batchFrame();
      if (frame != null) {
        return frame;
      }
    }
  }

  /** Seq of the last Batch returned, or 0. */
  public long lastSeq() {
    return lastSeq;
  }

  private AgentFrame catalogFrame() {
    Catalog catalog;
    try {
      catalog =
          Catalog.parseFrom(
              ByteBuffer.wrap(cursor.scanner.payload(), 0, cursor.scanner.payloadLength()));
    } catch (InvalidProtocolBufferException e) {
      spool.countUndecodable(cursor);
      return null;
    }
    if (catalog.getEpoch() != cursor.epoch) {
      spool.countUndecodable(cursor);
      return null;
    }
    Catalog unsent = unsentPart(catalog);
    return unsent == null ? null : AgentFrame.newBuilder().setCatalog(unsent).build();
  }

  /**
   * The part of {@code catalog} this stream lacks, or null when it lacks none or it leaves a gap.
   */
  private Catalog unsentPart(Catalog catalog) {
    boolean full = catalog.getFirstSymbolId() == 1 && catalog.getFirstSeriesId() == 0;
    if (catalog.getEpoch() != streamEpoch) {
      if (!full) {
        return null;
      }
      streamEpoch = catalog.getEpoch();
      streamSymbols = 0;
      streamSeries = 0;
    }
    int skipSymbols = streamSymbols + 1 - catalog.getFirstSymbolId();
    int skipSeries = streamSeries - catalog.getFirstSeriesId();
    if (skipSymbols < 0 || skipSeries < 0) {
      return null;
    }
    int symbols = catalog.getSymbolsCount();
    int series = catalog.getSeriesCount();
    if (skipSymbols >= symbols && skipSeries >= series) {
      return null;
    }
    Catalog unsent =
        Catalog.newBuilder()
            .setEpoch(streamEpoch)
            .setFirstSymbolId(streamSymbols + 1)
            .addAllSymbols(
                catalog.getSymbolsList().subList(Math.min(skipSymbols, symbols), symbols))
            .setFirstSeriesId(streamSeries)
            .addAllSeries(catalog.getSeriesList().subList(Math.min(skipSeries, series), series))
            .build();
    streamSymbols += unsent.getSymbolsCount();
    streamSeries += unsent.getSeriesCount();
    return unsent;
  }

  private AgentFrame batchFrame() {
    long seq = cursor.scanner.seq();
    try {
      decoder.decode(cursor.scanner.payload(), 0, cursor.scanner.payloadLength(), tick);
    } catch (CorruptTickException e) {
      spool.countUndecodable(cursor);
      return null;
    }
    if (seq <= afterSeq) {
      return null;
    }
    if (cursor.epoch != streamEpoch || tick.maxId() >= streamSeries) {
      spool.countUndecodable(cursor);
      return null;
    }
    lastSeq = seq;
    return AgentFrame.newBuilder().setBatch(BatchEncoder.encode(streamEpoch, seq, tick)).build();
  }
}
