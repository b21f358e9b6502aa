package dev.vigil.agent.spool;

import static dev.vigil.agent.spool.SpoolTest.base;
import static dev.vigil.agent.spool.SpoolTest.replay;
import static dev.vigil.agent.spool.SpoolTest.sensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.wire.MutableClock;
import dev.vigil.agent.wire.WireReplica;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn, flipped, garbage and empty segment files: detected, skipped, counted, never a crash. */
class SpoolDamageTest {
  private static final int TICKS = 40;
  private static final int SENSORS = 5;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(1_790_000_000_000L);

  Spool open() throws IOException {
    return Spool.open(dir, SpoolTest.MIN_BYTES, FsyncPolicy.NEVER, clock);
  }

  /** Spools {@code TICKS} ticks (keyframes every 8) in one segment and returns its file. */
  Path spoolTicks() throws IOException {
    try (Spool spool = open()) {
      SpoolWriter writer = new SpoolWriter(spool, 8);
      for (int i = 0; i < TICKS; i++) {
        clock.advance(15_000);
        writer.append(SpoolTest.temperatures(SENSORS, base(i)), clock.millis());
      }
    }
    return segments().get(segments().size() - 1);
  }

  List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(Segment.SUFFIX)).sorted().toList();
    }
  }

  /** Start offsets of the records in {@code segment}, found with the spool's own scanner. */
  static List<Long> recordOffsets(Path segment) throws IOException {
    List<Long> offsets = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      RecordScanner scanner = new RecordScanner();
      long offset = RecordFormat.FILE_HEADER_BYTES;
      while (scanner.next(channel, offset, channel.size()) == RecordScanner.RECORD) {
        offsets.add(offset);
        offset = scanner.nextOffset();
      }
    }
    return offsets;
  }

  /** Tick indexes (0-based, in append order) that a full replay delivers. */
  static List<Integer> ticksDelivered(WireReplica replica) {
    List<Integer> ticks = new ArrayList<>();
    for (WireReplica.Applied applied : replica.applied()) {
      int tick = (int) ((applied.timestampMs() - 1_790_000_000_000L) / 15_000) - 1;
      assertEquals(base(tick) + 4, applied.value(sensor(4)), "tick " + tick + " decodes exactly");
      ticks.add(tick);
    }
    return ticks;
  }

  static void flip(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x5A;
    Files.write(file, bytes);
  }

  static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }

  @Test
  void shouldCutATornLastRecordAtEveryByteWithoutCountingIt() throws Exception {
    Path segment = spoolTicks();
    byte[] pristine = Files.readAllBytes(segment);
    List<Long> offsets = recordOffsets(segment);
    long lastStart = offsets.get(offsets.size() - 1);
    for (long cut = lastStart; cut < pristine.length; cut++) {
      for (Path file : segments()) {
        Files.delete(file);
      }
      Files.write(segment, java.util.Arrays.copyOf(pristine, (int) cut));

      try (Spool spool = open()) {
        WireReplica replica = replay(spool, 0);

        assertEquals(range(0, TICKS - 1), ticksDelivered(replica), "cut at " + cut);
        assertEquals(0, spool.corruptRecords(), "a torn end is not corruption, cut at " + cut);
      }
      assertEquals(lastStart, Files.size(segment), "the torn record is cut off");
    }
  }

  @Test
  void shouldSkipAFlippedTickAndTheTicksThatDependOnItUpToTheNextKeyframe() throws Exception {
    Path segment = spoolTicks();
    List<Long> offsets = recordOffsets(segment);
    // Record 0 is the catalog, record 1 + i is tick i; damage tick 19 in its payload.
    flip(segment, offsets.get(1 + 19) + RecordFormat.RECORD_HEADER_BYTES + 2);

    try (Spool spool = open()) {
      WireReplica replica = replay(spool, 0);

      List<Integer> expected = new ArrayList<>(range(0, 19));
      expected.addAll(range(24, TICKS));
      assertEquals(expected, ticksDelivered(replica));
      assertEquals(1 + 4, spool.corruptRecords(), "the damaged tick and the 4 after it");
      assertEquals(
          1 + 4,
          replay(spool, 0).applied().isEmpty() ? -1 : spool.corruptRecords(),
          "reading again does not count again");
    }
  }

  @Test
  void shouldSkipTheTicksOfASegmentWhoseCatalogIsDamaged() throws Exception {
    Path segment = spoolTicks();
    flip(segment, recordOffsets(segment).get(0) + RecordFormat.RECORD_HEADER_BYTES + 1);

    try (Spool spool = open()) {
      WireReplica replica = replay(spool, 0);

      assertEquals(List.of(), replica.applied(), "no tick goes out with unknown series");
      assertEquals(1 + TICKS, spool.corruptRecords());
    }
  }

  @Test
  void shouldCountAndDeleteAGarbageSegmentAndKeepTheOthers() throws Exception {
    spoolTicks();
    byte[] garbage = new byte[10_000];
    new Random(5).nextBytes(garbage);
    Files.write(dir.resolve(Segment.fileName(1)), garbage);

    try (Spool spool = open()) {
      assertEquals(range(0, TICKS), ticksDelivered(replay(spool, 0)));
      assertTrue(spool.corruptRecords() >= 1, "the garbage is counted");
    }
    assertTrue(Files.notExists(dir.resolve(Segment.fileName(1))), "and deleted");
  }

  @Test
  void shouldIgnoreEmptyAndHeaderOnlySegmentsWithoutCountingThem() throws Exception {
    spoolTicks();
    Files.write(dir.resolve(Segment.fileName(1)), new byte[0]);
    Files.write(dir.resolve(Segment.fileName(2)), new byte[7]);
    Files.write(dir.resolve(Segment.fileName(3)), RecordFormat.fileHeader(3).array());

    try (Spool spool = open()) {
      assertEquals(range(0, TICKS), ticksDelivered(replay(spool, 0)));
      assertEquals(0, spool.corruptRecords());
    }
    assertEquals(2, segments().size(), "the spooled segment and this run's");
  }

  @Test
  void shouldNeverCrashNorSendWrongValuesWhateverBytesAreDamaged() throws Exception {
    Path segment = spoolTicks();
    byte[] pristine = Files.readAllBytes(segment);
    Random random = new Random(6);
    for (int round = 0; round < 300; round++) {
      for (Path file : segments()) {
        Files.delete(file);
      }
      byte[] damaged = pristine.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      Files.write(segment, damaged);

      try (Spool spool = open()) {
        // ticksDelivered checks every delivered value; WireReplica checks the protocol.
        List<Integer> delivered = ticksDelivered(replay(spool, 0));
        assertEquals(delivered.stream().sorted().distinct().toList(), delivered, "in order, once");
      }
    }
  }
}
