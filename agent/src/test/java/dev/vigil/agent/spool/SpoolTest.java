package dev.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.wire.MutableClock;
import dev.vigil.agent.wire.WireReplica;
import dev.vigil.proto.v1.AgentFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  static final long MIN_BYTES = Spool.SEGMENTS * Spool.MIN_SEGMENT_BYTES;
  static final Metric TEMP = Metric.gauge("node_hwmon_temp_celsius", "Temperature.");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(1_790_000_000_000L);

  Spool open(long maxBytes) throws IOException {
    return Spool.open(dir, maxBytes, FsyncPolicy.NEVER, clock);
  }

  /** {@code sensors} temperatures, the value of sensor i being {@code base + i}. */
  static List<Sample> temperatures(int sensors, double base) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < sensors; i++) {
      samples.add(new Sample(TEMP, Labels.of("sensor", "temp" + i), base + i));
    }
    return samples;
  }

  static String sensor(int i) {
    return "node_hwmon_temp_celsius{sensor=temp" + i + "}";
  }

  /** Everything a new stream starting after {@code afterSeq} would be sent, applied in order. */
  static WireReplica replay(Spool spool, long afterSeq) {
    WireReplica replica = new WireReplica();
    SpoolReader reader = spool.reader(afterSeq);
    for (AgentFrame frame = reader.next(); frame != null; frame = reader.next()) {
      replica.apply(frame);
    }
    return replica;
  }

  /** The value of sensor 0 at tick {@code i}: irregular bits, so ticks take real space. */
  static double base(int i) {
    return i + Math.sqrt(i);
  }

  List<Long> appendTicks(Spool spool, int count, int sensors) throws IOException {
    SpoolWriter writer = new SpoolWriter(spool, 8);
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clock.advance(15_000);
      seqs.add(writer.append(temperatures(sensors, base(i)), clock.millis()));
    }
    return seqs;
  }

  long segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(Segment.SUFFIX)).count();
    }
  }

  @Test
  void shouldReplayEveryTickInOrderWithItsSeriesAndTimestamp() throws Exception {
    try (Spool spool = open(MIN_BYTES)) {
      List<Long> seqs = appendTicks(spool, 20, 3);

      List<WireReplica.Applied> applied = replay(spool, 0).applied();

      assertEquals(seqs, applied.stream().map(WireReplica.Applied::seq).toList());
      for (int i = 0; i < 20; i++) {
        assertEquals(base(i) + 2, applied.get(i).value(sensor(2)));
        assertEquals(1_790_000_000_000L + 15_000L * (i + 1), applied.get(i).timestampMs());
        assertEquals(spool.epoch(), applied.get(i).epoch());
      }
      assertEquals(20, spool.backlog(0));
    }
  }

  @Test
  void shouldSendANewSeriesDefinitionBeforeTheFirstTickThatUsesIt() throws Exception {
    try (Spool spool = open(MIN_BYTES)) {
      SpoolWriter writer = new SpoolWriter(spool, 8);
      writer.append(temperatures(1, 40), 1);
      writer.append(temperatures(2, 50), 2);

      List<WireReplica.Applied> applied = replay(spool, 0).applied();

      assertEquals(1, applied.get(0).bits().size());
      assertEquals(51.0, applied.get(1).value(sensor(1)));
    }
  }

  @Test
  void shouldContinueSeqAndReplayEarlierRunsWithTheirOwnSeriesAfterARestart() throws Exception {
    List<Long> first;
    long firstEpoch;
    try (Spool spool = open(MIN_BYTES)) {
      first = appendTicks(spool, 10, 2);
      firstEpoch = spool.epoch();
    }
    try (Spool spool = open(MIN_BYTES)) {
      assertTrue(spool.epoch() > firstEpoch, "a new run spools in a new epoch");
      assertTrue(spool.nextSeq() > first.get(9), "seq continues above what was spooled");
      SpoolWriter writer = new SpoolWriter(spool, 8);
      // The second run sees the sensors in another order: its ids differ from the first run's.
      List<Sample> reversed = new ArrayList<>(temperatures(3, 100));
      java.util.Collections.reverse(reversed);
      long seq = writer.append(reversed, clock.millis() + 1);

      List<WireReplica.Applied> applied = replay(spool, 0).applied();

      assertEquals(11, applied.size());
      assertEquals(first, applied.subList(0, 10).stream().map(WireReplica.Applied::seq).toList());
      assertEquals(base(9) + 1, applied.get(9).value(sensor(1)), "old batches keep their series");
      assertEquals(firstEpoch, applied.get(9).epoch());
      assertEquals(seq, applied.get(10).seq());
      assertEquals(102.0, applied.get(10).value(sensor(2)));
      assertEquals(100.0, applied.get(10).value(sensor(0)));
    }
  }

  @Test
  void shouldContinueSeqEvenWhenEverythingWasAcknowledgedAndDeleted() throws Exception {
    long last;
    try (Spool spool = open(MIN_BYTES)) {
      last = appendTicks(spool, 5, 2).get(4);
      spool.acknowledge(last);
    }
    for (int restart = 0; restart < 3; restart++) {
      try (Spool spool = open(MIN_BYTES)) {
        assertEquals(0, spool.backlog(spool.ackedSeq()));
        assertEquals(1, segmentFiles(), "acknowledged segments are deleted on open");
        assertTrue(spool.nextSeq() > last);
        last = spool.nextSeq() - 1;
      }
    }
  }

  @Test
  void shouldResumeAfterTheAcknowledgedSeqAndDeleteWhollyAcknowledgedSegments() throws Exception {
    try (Spool spool = open(MIN_BYTES)) {
      List<Long> seqs = appendTicks(spool, 3000, 20);
      long segments = segmentFiles();
      assertTrue(segments > 3, segments + " segments");

      spool.acknowledge(seqs.get(1999));

      assertTrue(segmentFiles() < segments, "acknowledged segments are gone");
      assertEquals(1000, spool.backlog(spool.ackedSeq()));
      List<WireReplica.Applied> applied = replay(spool, spool.ackedSeq()).applied();
      assertEquals(
          seqs.subList(2000, 3000), applied.stream().map(WireReplica.Applied::seq).toList());
      assertEquals(base(2999) + 19, applied.get(999).value(sensor(19)));
    }
    try (Spool spool = open(MIN_BYTES)) {
      assertEquals(1000, spool.backlog(spool.ackedSeq()), "the ack survives a restart");
    }
  }

  @Test
  void shouldDropTheOldestSegmentsWhenFullAndCountTheUnsentBatches() throws Exception {
    try (Spool spool = open(MIN_BYTES)) {
      List<Long> seqs = appendTicks(spool, 12_000, 40);

      assertTrue(spool.droppedBatches() > 0, "a full spool drops");
      assertTrue(spool.bytes() <= MIN_BYTES, spool.bytes() + " bytes");
      List<WireReplica.Applied> applied = replay(spool, 0).applied();
      assertEquals(12_000 - spool.droppedBatches(), applied.size(), "the loss is counted exactly");
      assertEquals(seqs.get(11_999), applied.get(applied.size() - 1).seq(), "the newest stay");
      int firstKept = (int) spool.droppedBatches();
      assertEquals(seqs.get(firstKept), applied.get(0).seq(), "the oldest went first");
      assertEquals(base(firstKept) + 39, applied.get(0).value(sensor(39)));
    }
  }

  @Test
  void shouldStartANewEpochAtASegmentBoundaryWhenSeriesComeAndGo() throws Exception {
    try (Spool spool = open(MIN_BYTES)) {
      SpoolWriter writer = new SpoolWriter(spool, 8);
      long firstEpoch = spool.epoch();
      int tick = 0;
      // Each tick reports 5 sensors never seen before, as containers' interfaces come and go.
      while (spool.epoch() == firstEpoch && tick < 2_000) {
        List<Sample> churn = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          churn.add(new Sample(TEMP, Labels.of("sensor", "t" + tick + "_" + i), tick));
        }
        writer.append(churn, ++tick);
      }

      assertTrue(spool.epoch() > firstEpoch, "a new epoch after " + tick + " ticks");
      assertTrue(tick > SpoolWriter.STALE_SERIES_ALLOWANCE / 5, "not before the allowance");
      List<WireReplica.Applied> applied = replay(spool, 0).applied();
      assertEquals(tick, applied.size());
      WireReplica.Applied last = applied.get(tick - 1);
      assertEquals(spool.epoch(), last.epoch());
      assertEquals(tick - 1.0, last.value("node_hwmon_temp_celsius{sensor=t" + (tick - 1) + "_4}"));
    }
  }

  @Test
  void shouldRefuseASecondSpoolOnTheSameDirectory() throws Exception {
    try (Spool spool = open(MIN_BYTES)) {
      IOException e = assertThrows(IOException.class, () -> open(MIN_BYTES));
      assertTrue(e.getMessage().contains("in use by another vigil-agent"), e.getMessage());
    }
  }
}
