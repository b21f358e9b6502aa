package dev.vigil.collector.rules.eval;

import java.util.List;

/**
 * The rules compiled for one host by {@link HostCompiler}: one tree of nodes per expression, all
 * bound to the host's slots, and the sample windows they share.
 */
public final class CompiledHostProgram implements HostProgram {
  private final VectorNode[] exprs;
  private final VectorNode[] keepFiringWhile;
  private final SampleWindows windows;
  private final List<String> problems;

  CompiledHostProgram(
      VectorNode[] exprs,
      VectorNode[] keepFiringWhile,
      SampleWindows windows,
      List<String> problems) {
    this.exprs = exprs;
    this.keepFiringWhile = keepFiringWhile;
    this.windows = windows;
    this.problems = List.copyOf(problems);
  }

  @Override
  public void observe() {
    windows.observe();
  }

  @Override
  public HostVector expr(int rule) {
    return exprs[rule];
  }

  @Override
  public HostVector keepFiringWhile(int rule) {
    return keepFiringWhile[rule];
  }

  /** Each message names the rule, its origin and the host. */
  @Override
  public List<String> problems() {
    return problems;
  }

  /** The windows, for the program that replaces this one. */
  SampleWindows windows() {
    return windows;
  }
}
