package dev.vigil.agent.ship;

import static dev.vigil.agent.ship.FakeIngest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.spool.FsyncPolicy;
import dev.vigil.agent.spool.Spool;
import dev.vigil.agent.wire.MutableClock;
import dev.vigil.agent.wire.WireReplica;
import dev.vigil.proto.v1.Hello;
import io.grpc.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector is away for a simulated day of 15 s ticks, then comes back asking for 200 batches a
 * second: every sample arrives exactly once and in order, the catch-up never runs ahead of the pace
 * (counted against the fake clock, never timed), live ticks queue behind the backlog, and once the
 * backlog is sent live ticks are not held back.
 */
class ShipperOutageTest {
  private static final int DAY = 5760;
  private static final int SERIES = 50;
  private static final int PACE = 200;
  private static final Metric VALUE =
      Metric.gauge("outage_value", "A value derived from the tick.");

  @TempDir Path dir;

  static double value(int tick, int k) {
    return tick * 0.25 + Math.sqrt(k + tick % 7);
  }

  static List<Sample> samples(int tick) {
    List<Sample> samples = new ArrayList<>(SERIES);
    for (int k = 0; k < SERIES; k++) {
      samples.add(new Sample(VALUE, Labels.of("k", Integer.toString(k)), value(tick, k)));
    }
    return samples;
  }

  @Test
  void shouldDeliverADaySpooledDuringAnOutageExactlyOnceInOrderAtTheCollectorsPace()
      throws Exception {
    MutableClock clock = new MutableClock(1_790_000_000_000L);
    Server away = FakeIngest.serve(new FakeIngest(), 0);
    int port = away.getPort();
    away.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    FakeIngest ingest = new FakeIngest(clock::millis);
    ingest.paceOnHello(PACE);
    Server server = null;
    try (Spool spool = Spool.open(dir, ShipperTest.SPOOL_BYTES, FsyncPolicy.NEVER, clock)) {
      Shipper shipper = ShipperTest.shipper(spool, port, clock);
      try {
        shipper.connect();
        long firstSeq = spool.nextSeq();
        int ticks = 0;
        for (; ticks < DAY; ticks++) {
          clock.advance(15_000);
          shipper.ship(samples(ticks), clock.millis());
        }
        server = FakeIngest.serve(ingest, port);
        Hello hello = ingest.nextFrame().getHello();
        assertEquals(DAY, hello.getBacklogBatches());
        long pacedFrom = clock.millis();

        // The fake clock moves only while the agent sends nothing, 250 ms at a time: an agent that
        // ignored the pace would send everything before the clock first moves.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long stalledSince = System.nanoTime();
        int lastCount = -1;
        boolean liveSent = false;
        while (ingest.applied().size() < ticks && ingest.failures().isEmpty()) {
          assertTrue(System.nanoTime() < deadline, ingest.applied().size() + " of " + ticks);
          int count = ingest.applied().size();
          if (count != lastCount) {
            lastCount = count;
            stalledSince = System.nanoTime();
          } else if (System.nanoTime() - stalledSince > TimeUnit.MILLISECONDS.toNanos(25)) {
            clock.advance(250);
            stalledSince = System.nanoTime();
          }
          if (!liveSent && count >= 1_000) {
            for (int live = 0; live < 3; live++, ticks++) {
              shipper.ship(samples(ticks), clock.millis());
            }
            liveSent = true;
          }
          Thread.sleep(1);
        }
        assertEquals(List.of(), ingest.failures());
        for (FakeIngest.Receipt receipt : ingest.receipts()) {
          long elapsedMs = receipt.atMillis() - pacedFrom;
          long allowed = OutboundStream.MAX_IN_FLIGHT + PACE * elapsedMs / 1_000;
          assertTrue(
              receipt.appliedSoFar() <= allowed,
              "batch " + receipt.appliedSoFar() + " arrived " + elapsedMs + " ms into the replay");
        }

        shipper.ship(samples(ticks), clock.millis());
        int total = ++ticks;
        await("a live tick once caught up, clock standing", () -> ingest.applied().size() == total);

        List<WireReplica.Applied> applied = ingest.applied();
        for (int t = 0; t < total; t++) {
          WireReplica.Applied batch = applied.get(t);
          assertEquals(firstSeq + t, batch.seq(), "every tick once, in order");
          for (int k = 0; k < SERIES; k += 7) {
            assertEquals(value(t, k), batch.value("outage_value{k=" + k + "}"));
          }
        }
        assertEquals(0, ingest.replays(), "nothing sent twice");
        assertEquals(List.of(), ingest.failures());
        await("the last ack", () -> spool.backlog(spool.ackedSeq()) == 0);
      } finally {
        shipper.close();
      }
    } finally {
      if (server != null) {
        server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
      }
    }
  }
}
