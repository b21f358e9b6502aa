package dev.vigil.agent;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.collector.CollectorRunner;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.ship.AgentIdentity;
import dev.vigil.agent.ship.CollectorChannels;
import dev.vigil.agent.ship.Shipper;
import dev.vigil.agent.spool.Spool;
import dev.vigil.agent.spool.SpoolMetrics;
import dev.vigil.proto.v1.Goodbye;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * A running agent: collects on a fixed interval, spools every tick in its state directory and ships
 * the spool to the collector. Usable in-process, e.g. by end-to-end tests:
 *
 * <pre>{@code
 * try (Agent agent = Agent.start(AgentConfig.parse("--collector", "127.0.0.1:" + port,
 *     "--state-dir", tempDir.toString()))) {
 *   agent.tickNow();
 * }
 * }</pre>
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final long TICK_NOW_TIMEOUT_SECONDS = 60;
  private static final Path MACHINE_ID = Path.of("/etc/machine-id");

  private final CollectorRunner runner;
  private final Shipper shipper;
  private final Spool spool;
  private final Clock clock;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "vigil-tick");
            thread.setDaemon(true);
            return thread;
          });

  private Agent(CollectorRunner runner, Shipper shipper, Spool spool, Clock clock) {
    this.runner = runner;
    this.shipper = shipper;
    this.spool = spool;
    this.clock = clock;
  }

  /**
   * Opens the spool in the state directory, connects to the configured collector and starts ticking
   * at once, then every interval.
   *
   * @throws UncheckedIOException naming {@value AgentConfig#STATE_DIR} when the spool cannot be
   *     opened there
   */
  public static Agent start(AgentConfig config) {
    CollectorContext context = CollectorContext.forHost(config.procRoot(), config.sysRoot());
    String hostName = config.hostName().orElseGet(() -> osHostName(context.systemInfo()));
    AgentIdentity identity =
        AgentIdentity.detect(hostName, config.procRoot(), MACHINE_ID, context.platform());
    Spool spool = openSpool(config, context.clock());
    // Each run spools in an epoch of its own; the shipper announces the current one in Hello.
    Shipper shipper =
        Shipper.start(
            CollectorChannels.open(
                config.collectors(), config.tlsCaFile(), config.tlsServerName(), config.token()),
            identity.hello(spool.epoch(), config.labels()),
            spool);
    Agent agent =
        new Agent(
            CollectorRunner.forContext(context, config.interval()),
            shipper,
            spool,
            context.clock());
    long periodMillis = config.interval().toMillis();
    agent.ticker.scheduleAtFixedRate(agent::tickSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
    LOG.info(
        "agent {} shipping to {} over {} every {}, spooling in {}",
        hostName,
        config.collectors(),
        config.tlsCaFile().isPresent() ? "TLS" : "plaintext",
        config.interval().toString().substring(2).toLowerCase(java.util.Locale.ROOT),
        config.stateDir());
    return agent;
  }

  private static Spool openSpool(AgentConfig config, Clock clock) {
    try {
      return Spool.open(config.stateDir(), config.spoolMaxBytes(), config.spoolFsync(), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "--" + AgentConfig.STATE_DIR + ": cannot open the spool in " + config.stateDir(), e);
    }
  }

  /** Runs one tick now, on the tick thread, and returns once its batch is spooled. */
  public void tickNow() {
    try {
      ticker.submit(this::tick).get(TICK_NOW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a tick", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("tick failed", e);
    }
  }

  /** Highest batch seq the collector acknowledged; 0 before the first ack. */
  public long highestAckedSeq() {
    return shipper.highestAckedSeq();
  }

  /** Leaves as a shutdown: {@link #close(Goodbye.Reason)} with {@code REASON_SHUTDOWN}. */
  @Override
  public void close() {
    close(Goodbye.Reason.REASON_SHUTDOWN);
  }

  /**
   * Stops ticking, says Goodbye to the collector with {@code reason} (a machine going to sleep is
   * not an outage), disconnects and closes the spool; waits a bounded time. What was not
   * acknowledged stays spooled for the next run.
   */
  public void close(Goodbye.Reason reason) {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(TICK_NOW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runner.close();
    shipper.close(reason);
    try {
      spool.close();
    } catch (IOException e) {
      LOG.warn("closing the spool", e);
    }
  }

  private void tick() {
    long timestampMs = clock.millis();
    List<Sample> samples = new ArrayList<>(runner.collect());
    samples.addAll(SpoolMetrics.samples(spool));
    shipper.ship(samples, timestampMs);
  }

  /** A periodic task that throws is never run again, so one bad tick must not stop the agent. */
  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("tick failed", e);
    }
  }

  private static String osHostName(SystemInfo systemInfo) {
    String name = systemInfo.getOperatingSystem().getNetworkParams().getHostName();
    if (name != null && !name.isBlank()) {
      return name;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
