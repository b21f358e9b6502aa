package dev.vigil.collector.rules.eval;

import java.util.List;

/**
 * The rules of one {@link dev.vigil.collector.rules.RuleSet} compiled for one host at one
 * generation of its series. Recompiled (a cold path) when the host's catalog adds series or the
 * rules are reloaded; windows of samples carry over to the new program.
 *
 * <p>Not thread-safe: the caller serialises every call on one program.
 */
public interface HostProgram {
  /**
   * Takes the samples that landed since the last call into the windows that {@code rate} and {@code
   * increase} read. Call after every applied batch, before evaluating. Allocates nothing once the
   * windows have grown to the host's sample rate.
   */
  void observe();

  /** The compiled {@code expr} of rule {@code rule}, an index into {@code RuleSet.rules()}. */
  HostVector expr(int rule);

  /**
   * The compiled {@code vigil_keep_firing_while} of rule {@code rule}, or null when it has none.
   */
  HostVector keepFiringWhile(int rule);

  /**
   * What Prometheus would refuse to evaluate on this host (e.g. a one-to-one match that finds two
   * series alike), one message per expression; those expressions return nothing here. The engine
   * logs and counts them.
   */
  default List<String> problems() {
    return List.of();
  }
}
