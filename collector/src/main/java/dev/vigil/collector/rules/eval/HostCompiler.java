package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles rules for one host into a {@link CompiledHostProgram}: every selector resolved to the
 * host's slots, every one-to-one match paired, every group formed, so that evaluating walks arrays
 * only. A cold path, run when a host's catalog or the rules change.
 */
public final class HostCompiler implements ProgramCompiler {
  private final SeriesStore store;

  /** A compiler that finds metric families by name in {@code store}. */
  public HostCompiler(SeriesStore store) {
    this.store = store;
  }

  @Override
  public CompiledHostProgram compile(List<Rule> rules, HostState host, HostProgram previous) {
    HostSeries series = new HostSeries(store, host);
    SampleWindows carried =
        previous instanceof CompiledHostProgram program ? program.windows() : null;
    SampleWindows.Builder windows = new SampleWindows.Builder(series.slots(), carried);
    List<String> problems = new ArrayList<>();
    VectorNode[] exprs = new VectorNode[rules.size()];
    VectorNode[] keepFiringWhile = new VectorNode[rules.size()];
    for (int i = 0; i < exprs.length; i++) {
      Rule rule = rules.get(i);
      ExprCompiler compiler =
          new ExprCompiler(series, windows, problems, rule.name() + " (" + rule.origin() + ")");
      exprs[i] = compiler.vector(rule.expr());
      keepFiringWhile[i] = rule.keepFiringWhile().map(compiler::vector).orElse(null);
    }
    return new CompiledHostProgram(exprs, keepFiringWhile, windows.build(), problems);
  }
}
