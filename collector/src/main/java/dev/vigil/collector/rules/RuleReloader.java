package dev.vigil.collector.rules;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the rule files into {@link Rules} and reloads them on SIGHUP and when they change. A reload
 * that fails (a file invalid, missing or unreadable) keeps the rules in force, logs why and sets
 * {@code vigil_rules_last_reload_successful} to 0; only a complete new rule set replaces the old
 * one.
 *
 * <p>Changes are found by reading the files every {@link #POLL_INTERVAL} and comparing their text
 * with what the last attempt read, rather than with a {@code WatchService}: inotify does not see a
 * file replaced behind a symbolic link (a Kubernetes ConfigMap swaps its {@code ..data} link), the
 * JDK polls anyway where the OS has no native watch (macOS), and modification times can miss a
 * rewrite within their resolution. Reading a few rule files every few seconds costs next to
 * nothing. A failed attempt is not repeated, nor logged again, until the files change again or a
 * SIGHUP comes.
 */
public final class RuleReloader implements AutoCloseable {
  /** How often the files are read to look for changes. */
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

  private final RuleSources sources;
  private final Rules rules = new Rules();
  private final RuleMetrics metrics;
  private final LongSupplier clock;
  private final ScheduledExecutorService worker;

  /** What the last attempt read: the files' text, or the error that stopped it. */
  private Object lastAttempt;

  private RuleReloader(RuleSources sources, MeterRegistry registry, LongSupplier clock) {
    this.sources = sources;
    this.metrics = new RuleMetrics(registry);
    this.clock = clock;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "vigil-rules");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Loads the rule files that {@code paths} name (see {@code --rules}); none for no paths.
   *
   * @param clock wall-clock milliseconds, for the last-success metric
   * @throws RuleFileException when a file is invalid: a collector does not start without its rules
   */
  public static RuleReloader load(List<Path> paths, MeterRegistry registry, LongSupplier clock)
      throws RuleFileException {
    RuleReloader reloader = new RuleReloader(new RuleSources(paths), registry, clock);
    try {
      Map<Path, String> files = reloader.sources.read();
      reloader.lastAttempt = files;
      reloader.install(build(files));
    } catch (RuleFileException e) {
      reloader.close();
      throw e;
    }
    return reloader;
  }

  /** The rules in force. */
  public Rules rules() {
    return rules;
  }

  /**
   * Starts looking for changes every {@link #POLL_INTERVAL} and reloading on SIGHUP, both on the
   * reloader's own thread; does nothing without rule paths.
   */
  public void watch() {
    if (sources.isEmpty()) {
      return;
    }
    long millis = POLL_INTERVAL.toMillis();
    worker.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    HangupSignal.onHangup(this::reloadSoon);
  }

  private void reloadSoon() {
    try {
      worker.execute(this::reload);
    } catch (RejectedExecutionException e) {
      LOG.info("SIGHUP after the rules were closed: nothing reloaded");
    }
  }

  /**
   * Reads and loads the files now, whether or not they changed (SIGHUP).
   *
   * @return whether a new rule set is in force
   */
  public synchronized boolean reload() {
    try {
      Map<Path, String> files = sources.read();
      lastAttempt = files;
      return attempt(files);
    } catch (RuleFileException e) {
      lastAttempt = e.getMessage();
      return refuse(e);
    }
  }

  /**
   * Reloads when the files differ from what the last attempt read.
   *
   * @return whether a new rule set is in force
   */
  public synchronized boolean reloadIfChanged() {
    Map<Path, String> files;
    try {
      files = sources.read();
    } catch (RuleFileException e) {
      if (e.getMessage().equals(lastAttempt)) {
        return false;
      }
      lastAttempt = e.getMessage();
      return refuse(e);
    }
    if (files.equals(lastAttempt)) {
      return false;
    }
    lastAttempt = files;
    return attempt(files);
  }

  private boolean attempt(Map<Path, String> files) {
    try {
      install(build(files));
      return true;
    } catch (RuleFileException e) {
      return refuse(e);
    }
  }

  private boolean refuse(RuleFileException e) {
    metrics.failed();
    LOG.error(
        "Rules not reloaded, the {} rules loaded before stay in force: {}",
        rules.current().rules().size(),
        e.getMessage());
    return false;
  }

  private void install(RuleSet next) {
    rules.replace(next);
    int count = next.rules().size();
    metrics.succeeded(count, clock.getAsLong());
    LOG.info("Rules loaded: {} rules in {} groups", count, next.groups().size());
  }

  private static RuleSet build(Map<Path, String> files) throws RuleFileException {
    List<RuleGroup> groups = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      groups.addAll(RuleFileParser.parse(file.getKey(), file.getValue()));
    }
    return new RuleSet(groups);
  }

  /** Stops watching; the rules in force stay readable. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
