package dev.vigil.agent.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk spool: a directory of segment files holding records in seq order (layout in {@link
 * dev.vigil.agent.spool}). The tick thread appends; a sender reads with its own cursor and
 * acknowledges; whole segments go when every tick in them is acknowledged, or, when the spool is
 * full, oldest first with the loss counted. Thread-safe: every method holds the spool's lock, and
 * all file access happens inside them.
 *
 * <p>Each open starts a new segment in a new epoch, named by the next seq, before anything old is
 * deleted: the newest file name always carries a seq above every seq spooled, so seq keeps rising
 * across restarts even after everything was acknowledged and deleted.
 */
public final class Spool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
  static final String LOCK_FILE = "spool.lock";

  /** The spool is cut into about this many segments, so dropping one loses a sixteenth. */
  static final int SEGMENTS = 16;

  static final long MIN_SEGMENT_BYTES = 64 << 10;
  static final long MAX_SEGMENT_BYTES = 4 << 20;

  /** The ack file is rewritten at most this often while acks stream in. */
  static final long ACK_WRITE_INTERVAL_MS = 1_000;

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final FsyncPolicy fsync;
  private final Clock clock;
  private final AckFile ackFile;
  private final FileChannel lockChannel;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private ByteBuffer writeBuffer = ByteBuffer.allocate(8192);
  private Segment active;
  private long epoch;
  private long nextSeq;
  private long ackedSeq;
  private long ackWrittenSeq;
  private long ackWrittenAtMs;
  private long totalBytes;
  private long droppedBatches;
  private long corruptRecords;
  private boolean closed;

  private Spool(Path dir, long maxBytes, FsyncPolicy fsync, Clock clock, FileChannel lockChannel) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes =
        Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, maxBytes / SEGMENTS));
    this.fsync = fsync;
    this.clock = clock;
    this.ackFile = new AckFile(dir);
    this.lockChannel = lockChannel;
  }

  /**
   * Opens the spool in {@code dir}, creating it if needed, recovers what is there and starts a new
   * segment.
   *
   * @param maxBytes upper bound of all segment files together; at least 16 times 64 KiB
   * @throws IOException when the directory cannot be used, or another agent holds it
   */
  public static Spool open(Path dir, long maxBytes, FsyncPolicy fsync, Clock clock)
      throws IOException {
    if (maxBytes < SEGMENTS * MIN_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "spool needs at least " + SEGMENTS * MIN_SEGMENT_BYTES + " bytes");
    }
    Files.createDirectories(dir);
    FileChannel lockChannel = lock(dir);
    Spool spool = new Spool(dir, maxBytes, fsync, clock, lockChannel);
    try {
      spool.recover();
    } catch (IOException | RuntimeException e) {
      spool.close();
      throw e;
    }
    return spool;
  }

  private static FileChannel lock(Path dir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return channel;
      }
    } catch (OverlappingFileLockException e) {
      // Held by this very process: another Spool is open on the directory.
    }
    channel.close();
    throw new IOException(dir + " is in use by another vigil-agent (" + LOCK_FILE + " is locked)");
  }

  private void recover() throws IOException {
    ackedSeq = ackFile.read();
    ackWrittenSeq = ackedSeq;
    for (Path path : segmentFiles()) {
      Segment segment = new Segment(dir, Segment.baseSeqOf(path.getFileName().toString()));
      segments.put(segment.baseSeq, segment);
    }
    SegmentRecovery recovery = new SegmentRecovery();
    long highestSeq = ackedSeq;
    long highestEpoch = 0;
    for (Segment segment : segments.values()) {
      recovery.recover(segment, segment == segments.lastEntry().getValue());
      totalBytes += segment.size;
      // Above every base seq too, so the new segment's name is new even after an empty run.
      highestSeq = Math.max(highestSeq, Math.max(segment.baseSeq, segment.lastTickSeq));
      highestEpoch = Math.max(highestEpoch, segment.epoch);
    }
    corruptRecords = recovery.damaged();
    // A fresh state directory starts at the clock in microseconds: above the seqs of an earlier
    // installation whose state was wiped, as long as the clock did not go back.
    nextSeq = segments.isEmpty() && ackedSeq == 0 ? clock.millis() * 1000 : highestSeq + 1;
    startSegment(Math.max(clock.millis(), highestEpoch + 1));
    for (Segment segment : new ArrayList<>(segments.values())) {
      if (segment != active && (segment.ticks == 0 || segment.lastTickSeq <= ackedSeq)) {
        delete(segment);
      }
    }
  }

  private List<Path> segmentFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + Segment.SUFFIX)) {
      for (Path path : stream) {
        if (Segment.baseSeqOf(path.getFileName().toString()) >= 0) {
          files.add(path);
        }
      }
    }
    return files;
  }

  /** Epoch of the series ids in the segment being written. */
  public synchronized long epoch() {
    return epoch;
  }

  /** Whether the segment being written holds no record yet: it needs a full catalog first. */
  public synchronized boolean activeIsEmpty() {
    return active.size == RecordFormat.FILE_HEADER_BYTES;
  }

  /** Whether the segment being written has reached its size and the next tick should roll. */
  public synchronized boolean activeIsFull() {
    return active.size >= segmentBytes;
  }

  /**
   * Starts a new segment for the next records.
   *
   * @param newEpoch whether its series ids start afresh (the writer dropped its old registry)
   */
  public synchronized void roll(boolean newEpoch) throws IOException {
    startSegment(newEpoch ? Math.max(clock.millis(), epoch + 1) : epoch);
  }

  private void startSegment(long segmentEpoch) throws IOException {
    Segment previous = active;
    if (previous != null && fsync == FsyncPolicy.ALWAYS) {
      previous.channel().force(false);
    }
    Segment segment = new Segment(dir, nextSeq);
    try (FileChannel created =
        FileChannel.open(segment.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      created.write(RecordFormat.fileHeader(segmentEpoch));
      if (fsync == FsyncPolicy.ALWAYS) {
        created.force(true);
      }
    }
    if (fsync == FsyncPolicy.ALWAYS) {
      syncDirectory();
    }
    segment.epoch = segmentEpoch;
    segment.size = RecordFormat.FILE_HEADER_BYTES;
    segment.damageCountedEnd = segment.size;
    segments.put(segment.baseSeq, segment);
    totalBytes += segment.size;
    active = segment;
    epoch = segmentEpoch;
  }

  /** Makes a new file's name durable; not possible on Windows, where NTFS journals it anyway. */
  private void syncDirectory() {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /**
   * Appends one encoded tick and gives it the next seq.
   *
   * @return the tick's seq
   */
  public synchronized long appendTick(byte[] payload, int length) throws IOException {
    long seq = nextSeq;
    append(RecordFormat.TYPE_TICK, seq, payload, length);
    active.noteTick(seq);
    nextSeq++;
    return seq;
  }

  /** Appends one vigil.v1 Catalog message for the series of the ticks that follow it. */
  public synchronized void appendCatalog(byte[] catalog) throws IOException {
    append(RecordFormat.TYPE_CATALOG, nextSeq, catalog, catalog.length);
  }

  private void append(byte type, long seq, byte[] payload, int length) throws IOException {
    checkOpen();
    int recordBytes = RecordFormat.RECORD_OVERHEAD + length;
    makeRoom(recordBytes);
    if (writeBuffer.capacity() < recordBytes) {
      writeBuffer = ByteBuffer.allocate(Math.max(recordBytes, writeBuffer.capacity() * 2));
    }
    writeBuffer.clear();
    RecordFormat.writeRecord(writeBuffer, type, seq, payload, length);
    writeBuffer.flip();
    FileChannel channel = active.channel();
    long position = active.size;
    while (writeBuffer.hasRemaining()) {
      position += channel.write(writeBuffer, position);
    }
    if (fsync == FsyncPolicy.ALWAYS) {
      channel.force(false);
    }
    active.size = position;
    totalBytes += recordBytes;
  }

  /** Drops the oldest segments until {@code recordBytes} more fit under the bound. */
  private void makeRoom(int recordBytes) throws IOException {
    while (totalBytes + recordBytes > maxBytes && segments.size() > 1) {
      Segment oldest = segments.firstEntry().getValue();
      long lost = oldest.unackedTicks(ackedSeq);
      droppedBatches += lost;
      LOG.warn(
          "spool full ({} bytes): dropped its oldest segment {} with {} unsent batches",
          maxBytes,
          oldest.path.getFileName(),
          lost);
      delete(oldest);
    }
  }

  private void delete(Segment segment) throws IOException {
    segment.close();
    Files.deleteIfExists(segment.path);
    segments.remove(segment.baseSeq);
    totalBytes -= segment.size;
  }

  /**
   * Records that the collector applied every batch up to {@code seq}, and deletes the segments that
   * hold nothing newer. The segment being written stays, whatever it holds.
   */
  public synchronized void acknowledge(long seq) throws IOException {
    if (seq <= ackedSeq || closed) {
      return;
    }
    ackedSeq = seq;
    boolean deleted = false;
    for (Segment segment : new ArrayList<>(segments.values())) {
      if (segment != active && segment.lastTickSeq <= seq) {
        delete(segment);
        deleted = true;
      }
    }
    if (deleted || clock.millis() - ackWrittenAtMs >= ACK_WRITE_INTERVAL_MS) {
      writeAck();
    }
  }

  private void writeAck() throws IOException {
    if (ackWrittenSeq != ackedSeq) {
      ackFile.write(ackedSeq);
      ackWrittenSeq = ackedSeq;
      ackWrittenAtMs = clock.millis();
    }
  }

  /** The highest seq acknowledged, as far as this spool knows (also across restarts). */
  public synchronized long ackedSeq() {
    return ackedSeq;
  }

  /** Ticks spooled above {@code afterSeq}, i.e. still to be sent by a reader starting there. */
  public synchronized long backlog(long afterSeq) {
    long count = 0;
    for (Segment segment : segments.values()) {
      count += segment.unackedTicks(afterSeq);
    }
    return count;
  }

  /** Bytes of all segment files. */
  public synchronized long bytes() {
    return totalBytes;
  }

  /** Unsent batches lost because the spool was full, since it opened. */
  public synchronized long droppedBatches() {
    return droppedBatches;
  }

  /**
   * Damaged records found, and ticks that could not be decoded because of them, since it opened.
   */
  public synchronized long corruptRecords() {
    return corruptRecords;
  }

  /** The seq the next tick will get. */
  public synchronized long nextSeq() {
    return nextSeq;
  }

  /** A reader of every tick above {@code afterSeq}, from the oldest segment on. */
  public SpoolReader reader(long afterSeq) {
    return new SpoolReader(this, afterSeq);
  }

  /**
   * Reads the next record at {@code cursor}, moving on to the next segment at the end of one.
   *
   * @return a {@link RecordScanner} status; END only at the end of the segment being written
   */
  synchronized int read(SpoolCursor cursor) {
    checkOpen();
    try {
      Segment segment = segments.get(cursor.segmentBase);
      if (segment == null) {
        // Not started yet, or the segment was dropped or acknowledged away meanwhile.
        Map.Entry<Long, Segment> next =
            cursor.segmentBase < 0
                ? segments.firstEntry()
                : segments.higherEntry(cursor.segmentBase);
        segment = enter(cursor, next.getValue());
      }
      while (true) {
        cursor.recordStart = cursor.offset;
        int status = cursor.scanner.next(segment.channel(), cursor.offset, segment.size);
        if (status != RecordScanner.END || segment == active) {
          cursor.offset = cursor.scanner.nextOffset();
          if (status == RecordScanner.DAMAGED) {
            countDamage(segment, cursor);
          }
          return status;
        }
        segment = enter(cursor, segments.higherEntry(segment.baseSeq).getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading spool segment in " + dir, e);
    }
  }

  private static Segment enter(SpoolCursor cursor, Segment segment) {
    cursor.segmentBase = segment.baseSeq;
    cursor.offset = RecordFormat.FILE_HEADER_BYTES;
    cursor.epoch = segment.epoch;
    cursor.enteredSegment = true;
    return segment;
  }

  private void countDamage(Segment segment, SpoolCursor cursor) {
    if (cursor.scanner.damageStart() >= segment.damageCountedEnd) {
      corruptRecords++;
      segment.damageCountedEnd = cursor.offset;
      LOG.warn(
          "spool segment {} is damaged near byte {}", segment.path, cursor.scanner.damageStart());
    }
  }

  /** Counts the tick just read at {@code cursor} as undecodable, once whoever reads it. */
  synchronized void countUndecodable(SpoolCursor cursor) {
    Segment segment = segments.get(cursor.segmentBase);
    if (segment != null && cursor.recordStart >= segment.undecodableCountedEnd) {
      corruptRecords++;
      segment.undecodableCountedEnd = cursor.offset;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("spool in " + dir + " is closed");
    }
  }

  /** Writes the ack file, closes every segment and releases the directory. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (active != null) {
        writeAck();
      }
      for (Segment segment : segments.values()) {
        segment.close();
      }
    } finally {
      lockChannel.close();
    }
  }
}
