package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.store.HostState;
import java.util.List;

/**
 * Compiles the rules in force for one host; a cold path, run when its catalog or the rules change.
 */
@FunctionalInterface
public interface ProgramCompiler {
  /**
   * @param rules the rules, in {@code RuleSet.rules()} order; {@link HostProgram#expr(int)} indexes
   *     them
   * @param host the host, at its current generation of series
   * @param previous the host's program before this one, whose sample windows carry over, or null
   */
  HostProgram compile(List<Rule> rules, HostState host, HostProgram previous);
}
