package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.store.SeriesStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamCatchUpTest {
  private static final IngestLimits LIMITS = new IngestLimits(1 << 20, 100, 1_000, 64, 100);

  private final SeriesStore store = new SeriesStore(LIMITS.maxSeriesPerHost());
  private final IngestMetrics metrics = new IngestMetrics();
  private final BatchDecoder decoder = new BatchDecoder();
  private final List<Boolean> catchingUp = new ArrayList<>();

  private StreamSession connect(String host, long backlog, int budget) throws StreamException {
    StreamSession session =
        new StreamSession(
            store,
            LIMITS,
            metrics,
            new CatchUpPacer(budget, metrics.catchingUp),
            (h, at, replaying) -> catchingUp.add(replaying),
            () -> 1_000L);
    send(session, Frames.helloWithBacklog(host, backlog));
    send(session, Frames.cpuCatalog(1));
    return session;
  }

  private static StreamSession connect(
      SeriesStore store, IngestMetrics metrics, CatchUpPacer pacer, String host, long backlog)
      throws StreamException {
    StreamSession session =
        new StreamSession(store, LIMITS, metrics, pacer, (h, at, replaying) -> {}, () -> 1_000L);
    byte[] hello = Frames.helloWithBacklog(host, backlog);
    session.onFrame(new BatchDecoder(), hello, hello.length);
    return session;
  }

  private void send(StreamSession session, byte[] frame) throws StreamException {
    session.onFrame(decoder, frame, frame.length);
  }

  private void batches(StreamSession session, long fromSeq, int count) throws StreamException {
    for (int i = 0; i < count; i++) {
      send(session, Frames.denseBatch(fromSeq + i, i));
    }
  }

  @Test
  void shouldNotPaceAStreamWithoutBacklog() throws Exception {
    StreamSession session = connect("alpha", 0, 100);
    batches(session, 1, 3);

    assertEquals(StreamCatchUp.NONE, session.paceDue());
    assertEquals(0, metrics.catchingUp.get());
  }

  @Test
  void shouldNotPaceWhenTheBudgetIsOff() throws Exception {
    StreamSession session = connect("alpha", 50, 0);

    assertEquals(StreamCatchUp.NONE, session.paceDue());
    assertEquals(0, metrics.catchingUp.get());
  }

  @Test
  void shouldTellEachStreamItsShareOnceAndFollowJoinsAndLeaves() throws Exception {
    CatchUpPacer pacer = new CatchUpPacer(100, metrics.catchingUp);
    StreamSession first = connect(store, metrics, pacer, "first", 10);
    assertEquals(100, first.paceDue());
    assertEquals(StreamCatchUp.NONE, first.paceDue(), "handed out once");

    StreamSession second = connect(store, metrics, pacer, "second", 10);
    assertEquals(50, second.paceDue());
    assertEquals(2, metrics.catchingUp.get());
    send(first, Frames.cpuCatalog(1));
    batches(first, 1, 1);
    assertEquals(50, first.paceDue(), "halved when the second stream joined");

    second.onClose();
    batches(first, 2, 1);
    assertEquals(100, first.paceDue(), "whole again when the second stream left");
    assertEquals(1, metrics.catchingUp.get());
  }

  @Test
  void shouldLeaveOnceTheAnnouncedBacklogHasArrivedReplaysIncluded() throws Exception {
    StreamSession session = connect("alpha", 3, 100);
    batches(session, 5, 1);
    send(session, Frames.denseBatch(5, 9));
    assertEquals(1, metrics.catchingUp.get());

    batches(session, 6, 1);

    assertEquals(0, metrics.catchingUp.get());
    session.onClose();
    assertEquals(0, metrics.catchingUp.get(), "closing after catching up leaves nothing behind");
  }

  @Test
  void shouldTellTheRulesItIsCatchingUpUntilTheLastBatchOfTheBacklog() throws Exception {
    StreamSession session = connect("alpha", 3, 100);
    batches(session, 1, 4);

    assertEquals(List.of(true, true, false, false), catchingUp);
  }

  @Test
  void shouldTellTheRulesItIsCatchingUpEvenWhenPacingIsOff() throws Exception {
    StreamSession session = connect("alpha", 2, 0);
    batches(session, 1, 3);

    assertEquals(List.of(true, false, false), catchingUp);
    assertEquals(0, metrics.catchingUp.get());
  }

  @Test
  void shouldNotRepaceForSmallChangesOfTheShare() throws Exception {
    CatchUpPacer pacer = new CatchUpPacer(100, metrics.catchingUp);
    StreamSession watched = connect(store, metrics, pacer, "watched", 100);
    send(watched, Frames.cpuCatalog(1));
    for (int i = 1; i < 5; i++) {
      connect(store, metrics, pacer, "other" + i, 100);
    }
    batches(watched, 1, 1);
    assertEquals(20, watched.paceDue());

    connect(store, metrics, pacer, "sixth", 100);
    batches(watched, 2, 1);
    assertEquals(StreamCatchUp.NONE, watched.paceDue(), "16 is within a fifth of 20");

    connect(store, metrics, pacer, "seventh", 100);
    batches(watched, 3, 1);
    assertEquals(14, watched.paceDue());
  }

  @Test
  void shouldGiveEveryStreamAtLeastOneBatchPerSecond() throws Exception {
    CatchUpPacer pacer = new CatchUpPacer(2, new AtomicInteger(5));

    assertEquals(1, pacer.share());
  }
}
