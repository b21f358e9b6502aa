package dev.vigil.collector.rules.engine;

import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.eval.HostProgram;
import dev.vigil.collector.rules.eval.HostVector;
import dev.vigil.collector.rules.eval.ProgramCompiler;
import dev.vigil.collector.store.HostState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles each rule to the {@link FakeVector} the test registered under the rule's name (the same
 * vector for every host), and records what it was asked.
 */
public final class FakeCompiler implements ProgramCompiler {
  private final Map<String, FakeVector> exprs = new HashMap<>();
  private final Map<String, FakeVector> keepFiringWhile = new HashMap<>();
  private final List<HostProgram> previous = new ArrayList<>();
  private RuntimeException failure;
  private int observed;

  /** Rule {@code rule}'s {@code expr} compiles to {@code vector}. */
  public FakeCompiler expr(String rule, FakeVector vector) {
    exprs.put(rule, vector);
    return this;
  }

  /** Rule {@code rule}'s {@code vigil_keep_firing_while} compiles to {@code vector}. */
  public FakeCompiler keepFiringWhile(String rule, FakeVector vector) {
    keepFiringWhile.put(rule, vector);
    return this;
  }

  /** Every compile from now on throws {@code e}; null to compile again. */
  public void failWith(RuntimeException e) {
    failure = e;
  }

  /** How many programs were compiled (or attempted). */
  public int compiles() {
    return previous.size();
  }

  /** The {@code previous} argument of each compile, in order. */
  public List<HostProgram> previousPrograms() {
    return previous;
  }

  /** How many times any program's {@code observe} ran. */
  public int observed() {
    return observed;
  }

  @Override
  public HostProgram compile(List<Rule> rules, HostState host, HostProgram before) {
    previous.add(before);
    if (failure != null) {
      throw failure;
    }
    HostVector[] compiledExprs = new HostVector[rules.size()];
    HostVector[] compiledHolds = new HostVector[rules.size()];
    for (int i = 0; i < compiledExprs.length; i++) {
      String name = rules.get(i).name();
      compiledExprs[i] = exprs.getOrDefault(name, FakeVector.of());
      compiledHolds[i] = keepFiringWhile.get(name);
    }
    return new HostProgram() {
      @Override
      public void observe() {
        observed++;
      }

      @Override
      public HostVector expr(int rule) {
        return compiledExprs[rule];
      }

      @Override
      public HostVector keepFiringWhile(int rule) {
        return compiledHolds[rule];
      }
    };
  }
}
