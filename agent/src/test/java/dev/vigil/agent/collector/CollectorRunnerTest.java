package dev.vigil.agent.collector;

import static dev.vigil.agent.collector.ProbeCollector.READING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import dev.vigil.agent.metric.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
  private static final Duration INTERVAL = Duration.ofSeconds(15);
  private static final Duration TICK_BUDGET = Duration.ofSeconds(5);

  private final FakeMonotonicTime time = new FakeMonotonicTime();
  private final CountingWorkerPool pool = new CountingWorkerPool();
  private final List<ProbeCollector> probes = new ArrayList<>();
  private final List<TieredCollector> tiered = new ArrayList<>();
  private CollectorRunner runner;

  @AfterEach
  void releaseHungRuns() {
    probes.forEach(ProbeCollector::release);
    pool.shutdownNow();
  }

  private ProbeCollector probe(Tier tier, String name) {
    ProbeCollector probe = new ProbeCollector(name);
    probes.add(probe);
    tiered.add(new TieredCollector(tier, probe));
    return probe;
  }

  private List<Sample> tick() {
    if (runner == null) {
      runner = new CollectorRunner(tiered, INTERVAL, pool, time);
    }
    return runner.collect();
  }

  private List<Sample> nextTick() {
    time.advance(INTERVAL);
    return tick();
  }

  private static Map<String, Double> byCollector(List<Sample> samples, Metric metric) {
    return samples.stream()
        .filter(s -> s.metric().equals(metric))
        .collect(Collectors.toMap(s -> s.labels().value(0), Sample::value));
  }

  private static Map<String, Double> readings(List<Sample> samples) {
    return byCollector(samples, READING);
  }

  private static Map<String, Double> success(List<Sample> samples) {
    return byCollector(samples, CollectorRunner.SUCCESS);
  }

  @Test
  void shouldReportFailureOfOneCollectorWhileOthersStillReport() {
    probe(Tier.TICK, "a");
    probe(Tier.TICK, "broken").failing(true);
    probe(Tier.TICK, "c");

    List<Sample> samples = tick();

    assertEquals(Map.of("a", 1.0, "broken", 0.0, "c", 1.0), success(samples));
    assertEquals(3, byCollector(samples, CollectorRunner.DURATION).size());
    assertEquals(
        List.of(
            new Sample(READING, Labels.of("source", "a"), 1),
            new Sample(READING, Labels.of("source", "c"), 1)),
        samples.stream().filter(s -> s.metric() == READING).toList(),
        "a failing collector's partial samples must be discarded");
  }

  @Test
  void shouldReportAHungCollectorFailedAtItsTimeoutWhileTheOthersArriveInTheSameTick() {
    probe(Tier.TICK, "a");
    ProbeCollector hung = probe(Tier.TICK, "hung");
    probe(Tier.TICK, "c");
    // Once the other two runs have ended, the tick's budget passes while "hung" is still inside.
    hung.hang(
        () -> {
          pool.awaitFinished(2);
          time.advance(TICK_BUDGET);
        });

    List<Sample> samples = tick();

    assertEquals(Map.of("a", 1.0, "hung", 0.0, "c", 1.0), success(samples));
    assertEquals(Map.of("a", 1.0, "c", 1.0), readings(samples));
    assertEquals(5.0, byCollector(samples, CollectorRunner.DURATION).get("hung"));
  }

  @Test
  void shouldNotStartAHungCollectorAgainUntilItReturnsAndThenReportItAgain() {
    probe(Tier.TICK, "a");
    ProbeCollector hung = probe(Tier.TICK, "hung");
    hung.hang(
        () -> {
          pool.awaitFinished(1);
          time.advance(TICK_BUDGET);
        });
    tick();

    time.advance(INTERVAL.minus(TICK_BUDGET));
    List<Sample> whileHung = tick();

    assertEquals(1, hung.runs(), "a hung collector must not be started again");
    assertEquals(2, probes.get(0).runs());
    assertEquals(Map.of("a", 1.0, "hung", 0.0), success(whileHung));
    assertEquals(Map.of("a", 2.0), readings(whileHung));
    assertEquals(
        15.0,
        byCollector(whileHung, CollectorRunner.DURATION).get("hung"),
        "a hung run's duration is how long it has taken so far");
    assertFalse(
        runner.failures().report("hung", new TimeoutException("did not finish within 5000 ms")),
        "the timeout must have been logged once already");

    hung.release();
    pool.awaitFinished(3);
    List<Sample> recovered = nextTick();

    assertEquals(2, hung.runs());
    assertEquals(Map.of("a", 1.0, "hung", 1.0), success(recovered));
    assertEquals(Map.of("a", 3.0, "hung", 2.0), readings(recovered));
  }

  @Test
  void shouldRunEachTierAtItsCadence() {
    ProbeCollector everyTick = probe(Tier.TICK, "counters");
    ProbeCollector everyMinute = probe(Tier.MINUTE, "filesystem");
    ProbeCollector daily = probe(Tier.DAY, "inventory");

    List<Integer> minuteRuns = new ArrayList<>();
    tick();
    minuteRuns.add(everyMinute.runs());
    for (int i = 2; i <= 9; i++) {
      nextTick();
      minuteRuns.add(everyMinute.runs());
    }

    assertEquals(9, everyTick.runs());
    assertEquals(List.of(1, 1, 1, 1, 2, 2, 2, 2, 3), minuteRuns, "every 4th tick of 15 s");
    assertEquals(1, daily.runs(), "daily: at the first tick only");
  }

  @Test
  void shouldRepeatASlowTierCollectorsLastSamplesEveryTickAndDropThemOnceItFails() {
    ProbeCollector filesystem = probe(Tier.MINUTE, "filesystem");

    List<Sample> first = tick();
    List<Sample> repeated = nextTick();

    assertEquals(Map.of("filesystem", 1.0), readings(first));
    assertEquals(first, repeated, "the same samples and self metrics, without a new run");
    assertEquals(1, filesystem.runs());

    nextTick();
    nextTick();
    filesystem.failing(true);
    List<Sample> failed = nextTick();
    List<Sample> afterFailure = nextTick();

    assertEquals(2, filesystem.runs());
    assertEquals(Map.of(), readings(failed), "a failed run drops the cached samples at once");
    assertEquals(Map.of("filesystem", 0.0), success(failed));
    assertEquals(failed, afterFailure, "the failure is repeated until the next run");
  }

  @Test
  void shouldLetASlowTierRunOutlastTheTickAndReportItOnALaterTick() {
    ProbeCollector inventory = probe(Tier.DAY, "inventory");
    inventory.hang(() -> time.advance(TICK_BUDGET));

    List<Sample> first = tick();
    inventory.release();
    pool.awaitFinished(1);
    List<Sample> second = nextTick();

    assertEquals(List.of(), first, "nothing to report while the first run is within its timeout");
    assertEquals(Map.of("inventory", 1.0), readings(second));
    assertEquals(Map.of("inventory", 1.0), success(second));
    assertEquals(5.0, byCollector(second, CollectorRunner.DURATION).get("inventory"));
    assertEquals(1, inventory.runs());
  }

  @Test
  void shouldKeepTheLastGoodSamplesOnlyUntilAHungSlowRunPassesItsTimeout() {
    ProbeCollector filesystem = probe(Tier.MINUTE, "filesystem");
    tick();
    nextTick();
    nextTick();
    nextTick();
    filesystem.hang(() -> time.advance(TICK_BUDGET));

    List<Sample> startedHanging = nextTick();
    List<Sample> hungTwentySeconds = nextTick();
    List<Sample> hungPastTimeout = nextTick();
    nextTick();
    List<Sample> dueAgainButHung = nextTick();

    assertEquals(Map.of("filesystem", 1.0), readings(startedHanging));
    assertEquals(Map.of("filesystem", 1.0), readings(hungTwentySeconds));
    assertEquals(Map.of("filesystem", 1.0), success(hungTwentySeconds));
    assertEquals(Map.of(), readings(hungPastTimeout), "30 s is the minute tier's timeout");
    assertEquals(Map.of("filesystem", 0.0), success(hungPastTimeout));
    assertEquals(35.0, byCollector(hungPastTimeout, CollectorRunner.DURATION).get("filesystem"));
    assertEquals(Map.of("filesystem", 0.0), success(dueAgainButHung));
    assertEquals(2, filesystem.runs());

    filesystem.release();
    pool.awaitFinished(2);
    List<Sample> recovered = nextTick();

    assertEquals(3, filesystem.runs());
    assertEquals(Map.of("filesystem", 3.0), readings(recovered));
    assertEquals(Map.of("filesystem", 1.0), success(recovered));
  }

  private void awaitEveryProbeStarted() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (probes.stream().anyMatch(probe -> probe.runs() == 0) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void shouldHoldAtMostOneWorkerThreadPerCollectorHoweverLongRunsHang()
      throws InterruptedException {
    probe(Tier.TICK, "nfs").hang(() -> time.advance(TICK_BUDGET));
    probe(Tier.MINUTE, "wmi").hang(() -> time.advance(TICK_BUDGET));
    ThreadPoolExecutor workers = (ThreadPoolExecutor) CollectorRunner.workerPool(tiered.size());
    try (CollectorRunner production = new CollectorRunner(tiered, INTERVAL, workers, time)) {
      List<Sample> last = List.of();
      for (int i = 0; i < 20; i++) {
        time.advance(INTERVAL);
        last = production.collect();
      }

      assertEquals(Map.of("nfs", 0.0, "wmi", 0.0), success(last));
      assertEquals(2, workers.getLargestPoolSize());
      // The fake clock lets 20 ticks pass in microseconds: on a busy machine a worker thread may
      // not have begun its run yet. Wait (bounded) for both to begin, then none may have run twice.
      awaitEveryProbeStarted();
      assertEquals(List.of(1, 1), probes.stream().map(ProbeCollector::runs).toList());
    }
  }

  @Test
  void shouldRunEveryCollectorOfAOneOffTickAndCloseThoseThatHoldResources() {
    ProbeCollector inventory = new ProbeCollector("inventory");
    ClosableProbe scanner = new ClosableProbe("patch");

    List<Sample> samples;
    try (CollectorRunner once = new CollectorRunner(List.of(inventory, scanner))) {
      samples = once.collect();
      assertEquals(0, scanner.closes.get());
    }

    assertEquals(Map.of("inventory", 1.0, "patch", 1.0), readings(samples));
    assertEquals(Map.of("inventory", 1.0, "patch", 1.0), success(samples));
    assertEquals(1, scanner.closes.get());
  }

  /** A collector with a resource of its own, like the patch scanner's threads. */
  private static final class ClosableProbe implements Collector, AutoCloseable {
    private final ProbeCollector probe;
    private final AtomicInteger closes = new AtomicInteger();

    ClosableProbe(String name) {
      this.probe = new ProbeCollector(name);
    }

    @Override
    public String name() {
      return probe.name();
    }

    @Override
    public void collect(MetricSink sink) throws Exception {
      probe.collect(sink);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }
}
