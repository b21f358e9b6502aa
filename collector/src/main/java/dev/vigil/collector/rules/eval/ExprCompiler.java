package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.promql.Aggregation;
import dev.vigil.collector.rules.promql.Arithmetic;
import dev.vigil.collector.rules.promql.Comparison;
import dev.vigil.collector.rules.promql.Expr;
import dev.vigil.collector.rules.promql.LabelMatcher;
import dev.vigil.collector.rules.promql.NumberLiteral;
import dev.vigil.collector.rules.promql.RangeFunction;
import dev.vigil.collector.rules.promql.TimeFunction;
import dev.vigil.collector.rules.promql.ValueType;
import dev.vigil.collector.rules.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Compiles one rule's expressions for one host into nodes bound to its slots. Whatever Prometheus
 * would refuse to evaluate on this host yields an empty vector and a message in {@code problems}.
 */
final class ExprCompiler {
  private final HostSeries host;
  private final SampleWindows.Builder windows;
  private final List<String> problems;
  private final String rule;

  /**
   * @param rule the rule as messages name it
   * @param problems where refusals are reported
   */
  ExprCompiler(HostSeries host, SampleWindows.Builder windows, List<String> problems, String rule) {
    this.host = host;
    this.windows = windows;
    this.problems = problems;
    this.rule = rule;
  }

  VectorNode vector(Expr expr) {
    if (expr instanceof VectorSelector selector) {
      return selector(selector);
    } else if (expr instanceof RangeFunction range) {
      return range(range);
    } else if (expr instanceof Aggregation aggregation) {
      return aggregation(aggregation);
    } else if (expr instanceof Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    } else if (expr instanceof Comparison comparison) {
      VectorNode vector = vector(comparison.vector());
      ScalarNode threshold = scalar(comparison.threshold());
      boolean scalarLeft = comparison.left().type() == ValueType.SCALAR;
      return new ComparisonNode(comparison.op(), vector, threshold, scalarLeft);
    }
    throw new IllegalArgumentException("not a vector expression: " + expr);
  }

  ScalarNode scalar(Expr expr) {
    if (expr instanceof NumberLiteral number) {
      return new ConstantScalar(number.value());
    } else if (expr instanceof TimeFunction) {
      return new TimeScalar();
    } else if (expr instanceof Arithmetic arithmetic && expr.type() == ValueType.SCALAR) {
      return new ScalarArithmetic(
          arithmetic.op(), scalar(arithmetic.left()), scalar(arithmetic.right()));
    }
    throw new IllegalArgumentException("not a scalar expression: " + expr);
  }

  private VectorNode selector(VectorSelector selector) {
    String metric = selector.metric();
    Predicate<SortedMap<String, String>> matches = matchers(selector.matchers());
    if (LivenessNode.owns(metric)) {
      SortedMap<String, String> labels = host.ownLabels(metric);
      return new LivenessNode(
          host.host(), metric, matches.test(labels) ? List.of(labels) : List.of());
    }
    List<Integer> slots = new ArrayList<>();
    List<SortedMap<String, String>> series = new ArrayList<>();
    for (int slot : host.slotsOf(metric)) {
      SortedMap<String, String> labels = host.labels(metric, slot);
      if (matches.test(labels)) {
        slots.add(slot);
        series.add(labels);
      }
    }
    return new SelectorNode(
        host.slots(), slots.stream().mapToInt(Integer::intValue).toArray(), series);
  }

  private static Predicate<SortedMap<String, String>> matchers(List<LabelMatcher> matchers) {
    Predicate<SortedMap<String, String>> all = labels -> true;
    for (LabelMatcher matcher : matchers) {
      Predicate<String> value = matcher.predicate();
      String label = matcher.label();
      all = all.and(labels -> value.test(labels.getOrDefault(label, "")));
    }
    return all;
  }

  private VectorNode range(RangeFunction range) {
    VectorNode counters = selector(range.selector());
    if (counters instanceof LivenessNode) {
      problems.add(
          problem(
              range.function().promql()
                  + " over "
                  + range.selector().metric()
                  + " is empty:"
                  + " the collector keeps no history of its own series"));
      return new SelectorNode(host.slots(), new int[0], List.of());
    }
    SelectorNode instant = (SelectorNode) counters;
    long rangeMillis = range.range().toMillis();
    SampleWindow[] windowsOf = new SampleWindow[instant.size()];
    List<SortedMap<String, String>> series = new ArrayList<>();
    for (int i = 0; i < windowsOf.length; i++) {
      windowsOf[i] = windows.window(instant.slot(i), rangeMillis);
      series.add(LabelSets.withoutName(instant.series(i)));
    }
    boolean perSecond = range.function() == RangeFunction.Kind.RATE;
    return new RateNode(windowsOf, rangeMillis, perSecond, series);
  }

  private VectorNode aggregation(Aggregation aggregation) {
    VectorNode operand = vector(aggregation.operand());
    Map<SortedMap<String, String>, Integer> groups = new LinkedHashMap<>();
    int[] groupOf = new int[operand.size()];
    for (int i = 0; i < groupOf.length; i++) {
      SortedMap<String, String> key = LabelSets.only(operand.series(i), aggregation.by());
      groupOf[i] = groups.computeIfAbsent(key, k -> groups.size());
    }
    return new AggregationNode(
        aggregation.op(), operand, groupOf, new ArrayList<>(groups.keySet()));
  }

  private VectorNode arithmetic(Arithmetic arithmetic) {
    if (arithmetic.left().type() == ValueType.SCALAR) {
      return new ArithmeticWithScalarNode(
          arithmetic.op(), vector(arithmetic.right()), scalar(arithmetic.left()), true);
    }
    if (arithmetic.right().type() == ValueType.SCALAR) {
      return new ArithmeticWithScalarNode(
          arithmetic.op(), vector(arithmetic.left()), scalar(arithmetic.right()), false);
    }
    VectorNode left = vector(arithmetic.left());
    VectorNode right = vector(arithmetic.right());
    OneToOneMatch match = new OneToOneMatch(left, right);
    if (match.refusal() != null) {
      problems.add(problem(match.refusal()));
    }
    return new MatchedArithmeticNode(
        arithmetic.op(), left, right, match.left(), match.right(), match.series());
  }

  private String problem(String why) {
    return rule + " on host " + host.host().name() + ": " + why;
  }
}
