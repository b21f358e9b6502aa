package dev.vigil.collector.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.MetricType;
import dev.vigil.proto.v1.SeriesDef;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamSessionTest {
  private static final IngestLimits LIMITS = new IngestLimits(1 << 20, 100, 1_000, 64, 100);

  private final SeriesStore store = new SeriesStore(LIMITS.maxSeriesPerHost());
  private final IngestMetrics metrics = new IngestMetrics();
  private final AtomicLong clock = new AtomicLong(1_000);
  private final BatchDecoder decoder = new BatchDecoder();

  private final CatchUpPacer pacer =
      new CatchUpPacer(LIMITS.catchUpBatchesPerSecond(), metrics.catchingUp);

  private StreamSession newSession() {
    return new StreamSession(store, LIMITS, metrics, pacer, (h, at, catchingUp) -> {}, clock::get);
  }

  private long send(StreamSession session, byte[] frame) throws StreamException {
    return session.onFrame(decoder, frame, frame.length);
  }

  private StreamSession connected(String host, int series) throws StreamException {
    StreamSession session = newSession();
    send(session, Frames.hello(host));
    send(session, Frames.cpuCatalog(series));
    return session;
  }

  private double value(String host, String seriesText) {
    HostState h = store.find(host);
    SeriesSlots slots = h.slots();
    for (int slot = 0; slot < slots.count(); slot++) {
      if (new String(slots.text(slot), UTF_8).equals(seriesText)) {
        return slots.values()[slot];
      }
    }
    throw new AssertionError("no series " + seriesText + " on " + host);
  }

  @Test
  void shouldApplyABatchToTheHostAndAcknowledgeItsSeq() throws Exception {
    StreamSession session = connected("alpha", 16);

    long ack = send(session, Frames.denseBatch(3, Frames.ramp(16, 100)));

    assertEquals(3, ack);
    assertEquals(109.0, value("alpha", "node_cpu_seconds_total{cpu=\"1\",mode=\"m1\""));
    assertEquals(16, metrics.samples());
    HostState host = store.find("alpha");
    assertTrue(host.up());
    assertEquals(3, host.lastAppliedSeq());
    assertEquals("lab", host.identity().labels().get("site"));
    assertEquals(1_700_000_000_003L, host.slots().updatedAtMillis()[0]);
  }

  @Test
  void shouldIgnoreAReplayedBatchButAcknowledgeWhatWasApplied() throws Exception {
    StreamSession session = connected("alpha", 4);
    send(session, Frames.denseBatch(10, 1, 1, 1, 1));

    long ack = send(session, Frames.denseBatch(9, 5, 5, 5, 5));

    assertEquals(10, ack);
    assertEquals(1.0, value("alpha", "node_cpu_seconds_total{cpu=\"0\",mode=\"m0\""));
    assertEquals(4, metrics.samples());
  }

  @Test
  void shouldKeepReplayProtectionAcrossReconnects() throws Exception {
    StreamSession first = connected("alpha", 4);
    send(first, Frames.denseBatch(10, 1, 1, 1, 1));
    first.onClose();

    StreamSession second = connected("alpha", 4);
    assertEquals(10, send(second, Frames.denseBatch(10, 2, 2, 2, 2)));
    assertEquals(11, send(second, Frames.denseBatch(11, 3, 3, 3, 3)));

    assertEquals(3.0, value("alpha", "node_cpu_seconds_total{cpu=\"0\",mode=\"m3\""));
  }

  @Test
  void shouldRequireHelloFirst() {
    StreamSession session = newSession();

    StreamException e =
        assertThrows(StreamException.class, () -> send(session, Frames.denseBatch(1, 1)));

    assertEquals(IngestError.PROTOCOL, e.error());
    assertEquals("Batch before Hello: the first frame of a stream must be Hello", e.getMessage());
  }

  @Test
  void shouldRejectASecondHello() throws Exception {
    StreamSession session = connected("alpha", 1);
    StreamException e =
        assertThrows(StreamException.class, () -> send(session, Frames.hello("beta")));
    assertEquals("Hello may only be the first frame of a stream", e.getMessage());
  }

  @Test
  void shouldRejectACatalogWithAGap() throws Exception {
    StreamSession session = connected("alpha", 2);
    byte[] gap =
        AgentFrame.newBuilder()
            .setCatalog(Catalog.newBuilder().setEpoch(Frames.EPOCH).setFirstSymbolId(99))
            .build()
            .toByteArray();

    StreamException e = assertThrows(StreamException.class, () -> send(session, gap));

    assertEquals(IngestError.PROTOCOL, e.error());
    assertTrue(e.getMessage().startsWith("Catalog.first_symbol_id is 99 but "), e.getMessage());
  }

  @Test
  void shouldRejectABatchOfAnotherEpoch() throws Exception {
    StreamSession session = connected("alpha", 2);
    byte[] other = Frames.frame(Frames.batch(1, 1, 2).setEpoch(8));

    StreamException e = assertThrows(StreamException.class, () -> send(session, other));
    assertEquals("Batch epoch 8 but the stream is in epoch 7", e.getMessage());
  }

  @Test
  void shouldMapANewEpochOntoTheSameSlots() throws Exception {
    StreamSession session = connected("alpha", 2);
    send(session, Frames.denseBatch(1, 1, 2));
    List<String[]> reversed = new ArrayList<>(Frames.cpuSeries(2));
    Collections.reverse(reversed);

    send(session, Frames.catalog(8, reversed));
    send(session, Frames.frame(Frames.batch(2, 20, 10).setEpoch(8)));

    assertEquals(2, store.find("alpha").slots().count());
    assertEquals(10.0, value("alpha", "node_cpu_seconds_total{cpu=\"0\",mode=\"m0\""));
    assertEquals(20.0, value("alpha", "node_cpu_seconds_total{cpu=\"0\",mode=\"m1\""));
  }

  @Test
  void shouldRefuseSeriesBeyondTheHostLimit() throws Exception {
    StreamSession session = newSession();
    send(session, Frames.hello("alpha"));

    StreamException e =
        assertThrows(StreamException.class, () -> send(session, Frames.cpuCatalog(101)));

    assertEquals(IngestError.LIMIT, e.error());
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.status().getCode());
    assertTrue(e.getMessage().contains("already has 100 series, the limit"), e.getMessage());
  }

  @Test
  void shouldRefuseASymbolLongerThanTheLimit() throws Exception {
    StreamSession session = newSession();
    send(session, Frames.hello("alpha"));
    byte[] catalog =
        Frames.catalog(
            Frames.EPOCH, Collections.singletonList(new String[] {"m", "l", "x".repeat(65)}));

    StreamException e = assertThrows(StreamException.class, () -> send(session, catalog));

    assertEquals(IngestError.LIMIT, e.error());
    assertEquals("symbol 4 is 65 characters long; the limit is 64", e.getMessage());
  }

  @Test
  void shouldRefuseSymbolsBeyondTheStreamLimit() throws Exception {
    StreamSession session = newSession();
    send(session, Frames.hello("alpha"));
    Catalog.Builder many = Catalog.newBuilder().setEpoch(Frames.EPOCH).setFirstSymbolId(1);
    for (int i = 0; i < 1_000; i++) {
      many.addSymbols("s" + i);
    }
    byte[] frame = AgentFrame.newBuilder().setCatalog(many).build().toByteArray();

    StreamException e = assertThrows(StreamException.class, () -> send(session, frame));

    assertEquals(IngestError.LIMIT, e.error());
    assertTrue(e.getMessage().endsWith("the limit is 1000"), e.getMessage());
  }

  @Test
  void shouldRejectTheInstanceLabelAndInvalidNames() throws Exception {
    assertCatalogRejected(
        new String[] {"m", "instance", "x"},
        "series 0 sets label instance, which the collector owns");
    assertCatalogRejected(
        new String[] {"m", "1bad", "x"}, "series 0 has invalid label name \"1bad\"");
    assertCatalogRejected(new String[] {"m", "a", "x", "a", "y"}, "series 0 repeats label a");
    assertCatalogRejected(
        new String[] {"bad-name"}, "series 0 has invalid metric name \"bad-name\"");
  }

  @Test
  void shouldRejectASymbolIdOutOfRange() throws Exception {
    StreamSession session = newSession();
    send(session, Frames.hello("alpha"));
    byte[] frame = oneSeriesCatalog("m", SeriesDef.newBuilder().setName(5));

    StreamException e = assertThrows(StreamException.class, () -> send(session, frame));
    assertEquals("series 0 name refers to symbol 5 of 2", e.getMessage());
  }

  @Test
  void shouldRejectATypeConflictBetweenHosts() throws Exception {
    StreamSession alpha = newSession();
    send(alpha, Frames.hello("alpha"));
    send(
        alpha,
        Frames.catalog(Frames.EPOCH, Collections.singletonList(new String[] {"shared_total"})));
    StreamSession beta = newSession();
    send(beta, Frames.hello("beta"));
    byte[] frame =
        oneSeriesCatalog(
            "shared_total",
            SeriesDef.newBuilder().setName(1).setType(MetricType.METRIC_TYPE_GAUGE));

    StreamException e = assertThrows(StreamException.class, () -> send(beta, frame));
    assertEquals("series 0: metric shared_total is a counter, not a gauge", e.getMessage());
  }

  @Test
  void shouldLeaveTheStoreUntouchedWhenABatchIsMalformed() throws Exception {
    StreamSession session = connected("alpha", 4);
    send(session, Frames.denseBatch(1, 1, 1, 1, 1));
    byte[] bad = Frames.frame(Frames.batch(2, 9, 9, 9, 9, 9).setFirstSeriesId(0));

    assertThrows(StreamException.class, () -> send(session, bad));

    assertEquals(1.0, value("alpha", "node_cpu_seconds_total{cpu=\"0\",mode=\"m0\""));
    assertEquals(1, store.find("alpha").lastAppliedSeq());
  }

  @Test
  void shouldLetANewerStreamSupersedeAnOlderOneOfTheSameHost() throws Exception {
    StreamSession old = connected("alpha", 2);
    StreamSession newer = connected("alpha", 2);

    StreamException e =
        assertThrows(StreamException.class, () -> send(old, Frames.denseBatch(1, 1, 1)));
    old.onClose();

    assertEquals(IngestError.SUPERSEDED, e.error());
    assertTrue(store.find("alpha").up(), "closing the old stream must not mark the host down");
    assertEquals(1, send(newer, Frames.denseBatch(1, 1, 1)));
  }

  @Test
  void shouldTellAGoodbyeFromALostStream() throws Exception {
    StreamSession polite = connected("polite", 1);
    send(polite, Frames.goodbye());
    polite.onClose();
    StreamSession lost = connected("lost", 1);
    lost.onClose();

    assertFalse(store.find("polite").up());
    assertTrue(store.find("polite").leftCleanly());
    assertFalse(store.find("lost").up());
    assertFalse(store.find("lost").leftCleanly());
  }

  @Test
  void shouldRecordWhenTheHostWasLastSeen() throws Exception {
    StreamSession session = connected("alpha", 1);
    clock.set(5_000);

    send(session, Frames.denseBatch(1, 1));

    assertEquals(5_000, store.find("alpha").lastSeenMillis());
  }

  /** A catalog interning one symbol and defining one series, exactly as given. */
  private static byte[] oneSeriesCatalog(String symbol, SeriesDef.Builder series) {
    return AgentFrame.newBuilder()
        .setCatalog(
            Catalog.newBuilder()
                .setEpoch(Frames.EPOCH)
                .setFirstSymbolId(1)
                .addSymbols(symbol)
                .addSeries(series))
        .build()
        .toByteArray();
  }

  private void assertCatalogRejected(String[] series, String message) throws Exception {
    StreamSession session = newSession();
    send(session, Frames.hello("h" + message.hashCode()));
    byte[] catalog = Frames.catalog(Frames.EPOCH, Collections.singletonList(series));
    StreamException e = assertThrows(StreamException.class, () -> send(session, catalog));
    assertEquals(message, e.getMessage());
  }
}
