package dev.vigil.collector.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP, the Unix way to tell a daemon to reread its files ({@code systemctl reload}, {@code kill
 * -HUP}). Through {@code sun.misc.Signal} (module jdk.unsupported), the one API the JDK has for it;
 * Windows has no SIGHUP, so there the files are only watched.
 */
final class HangupSignal {
  private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

  private HangupSignal() {}

  /**
   * Runs {@code action} on every SIGHUP to this process, replacing the JVM's default (which ends
   * it). {@code action} runs on the JVM's signal thread and must hand real work elsewhere.
   */
  static void onHangup(Runnable action) {
    try {
      Signal.handle(new Signal("HUP"), signal -> action.run());
    } catch (IllegalArgumentException e) {
      LOG.info(
          "No SIGHUP on this platform ({}): rule files are reloaded when they change",
          e.getMessage());
    }
  }
}
