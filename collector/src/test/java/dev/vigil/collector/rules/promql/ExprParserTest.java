package dev.vigil.collector.rules.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ExprParserTest {
  @Test
  void shouldParseASelectorWithEveryKindOfMatcher() throws Exception {
    Expr expr =
        ExprParser.parse(
            "node_filesystem_avail_bytes{fstype!=\"tmpfs\", mountpoint=~'/|/home',"
                + " device!~`/dev/loop.*`, job=\"node\",}");

    assertEquals(
        new VectorSelector(
            "node_filesystem_avail_bytes",
            List.of(
                new LabelMatcher("fstype", MatchOp.NOT_EQUAL, "tmpfs"),
                new LabelMatcher("mountpoint", MatchOp.REGEX, "/|/home"),
                new LabelMatcher("device", MatchOp.NOT_REGEX, "/dev/loop.*"),
                new LabelMatcher("job", MatchOp.EQUAL, "node"))),
        expr);
    assertEquals(ValueType.VECTOR, expr.type());
  }

  @Test
  void shouldParseRateAndIncreaseWithPrometheusDurations() throws Exception {
    assertEquals(
        new RangeFunction(
            RangeFunction.Kind.RATE,
            new VectorSelector(
                "node_cpu_seconds_total", List.of(new LabelMatcher("mode", MatchOp.EQUAL, "idle"))),
            Duration.ofMinutes(5)),
        ExprParser.parse("rate(node_cpu_seconds_total{mode=\"idle\"}[5m])"));
    assertEquals(
        new RangeFunction(
            RangeFunction.Kind.INCREASE,
            new VectorSelector("x", List.of()),
            Duration.ofHours(1).plusMinutes(30)),
        ExprParser.parse("increase(x[1h30m])"));
  }

  @Test
  void shouldGroupOperatorsWithPromqlPrecedence() throws Exception {
    assertPrints("((a + (b * c)) > 1)", "a + b * c > 1");
    assertPrints("(((a - b) - c) < 2)", "a - b - c < 2");
    assertPrints("(((time() - x) / 86400) > (7 * 86400))", "(time() - x) / 86400 > 7 * 86400");
    assertPrints("((time() - x) > (7 * 86400))", "time() - x > 7 * 86400");
    assertPrints("(0.9 < x)", "0.9 < x");
    assertPrints("((x > 1) < 5)", "x > 1 < 5");
    assertPrints("(x >= -1.5)", "x >= -1.5");
    assertPrints("(x != 0)", "x != 0");
    assertPrints("(x == 0)", "x == 0");
    assertPrints("(x <= 1000000)", "x <= 1e6");
    assertPrints("(x > 255)", "x > 0xff");
    assertPrints("(x < Inf)", "x < +Inf");
  }

  @Test
  void shouldParseAggregationsWithByBeforeOrAfterTheOperand() throws Exception {
    Expr expected =
        new Comparison(
            ComparisonOp.GREATER,
            new Arithmetic(
                ArithmeticOp.SUBTRACT,
                new NumberLiteral(1),
                new Aggregation(
                    AggregationOp.AVG,
                    List.of("instance"),
                    new RangeFunction(
                        RangeFunction.Kind.RATE,
                        new VectorSelector(
                            "node_cpu_seconds_total",
                            List.of(new LabelMatcher("mode", MatchOp.EQUAL, "idle"))),
                        Duration.ofMinutes(5)))),
            new NumberLiteral(0.9));

    assertEquals(
        expected,
        ExprParser.parse(
            "1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) > 0.9"));
    assertEquals(
        expected,
        ExprParser.parse(
            "1 - AVG(rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) BY (instance,) > 0.9"));
    assertPrints(
        "count by (instance, chip) ((x > 90))", "count by (instance, chip, instance) (x > 90)");
    assertPrints("sum by (instance) (x)", "sum by (instance) (x)");
    assertPrints("min by (instance) (x)", "min by (instance) (x)");
    assertPrints("max by (instance) (x)", "max by (instance) (x)");
  }

  @Test
  void shouldParseOneToOneArithmeticBetweenSelectors() throws Exception {
    assertEquals(
        new Comparison(
            ComparisonOp.LESS,
            new Arithmetic(
                ArithmeticOp.DIVIDE,
                new VectorSelector("node_filesystem_avail_bytes", List.of()),
                new VectorSelector("node_filesystem_size_bytes", List.of())),
            new NumberLiteral(0.1)),
        ExprParser.parse("node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1"));
  }

  @Test
  void shouldReadLiteralsStringsAndComments() throws Exception {
    assertPrints("(x > NaN)", "x > nan");
    assertPrints("(x > 0.5)", "x > .5");
    assertPrints("x{a=\"tab\\there \\\"q\\\" A\"}", "x{a=\"tab\\there \\\"q\\\" \\x41\"}");
    assertPrints("x{a=\"back\\\\slash\"}", "x{a=`back\\slash`}");
    assertPrints("(x > 1)", "# why this rule\nx # the metric\n > 1");
    assertPrints("recorded:rule:name", "recorded:rule:name");
  }

  @Test
  void shouldKeepScalarsAndVectorsApart() throws Exception {
    assertEquals(ValueType.SCALAR, ExprParser.parse("7 * 86400").type());
    assertEquals(ValueType.SCALAR, ExprParser.parse("time()").type());
    assertEquals(ValueType.VECTOR, ExprParser.parse("time() - x").type());
    Comparison c = (Comparison) ExprParser.parse("0.5 > x");
    assertEquals(new VectorSelector("x", List.of()), c.vector());
    assertEquals(new NumberLiteral(0.5), c.threshold());
  }

  @Test
  void shouldMatchLabelsAsPrometheusDoes() throws Exception {
    VectorSelector s = (VectorSelector) ExprParser.parse("x{a=~\"sd.\", b!~\"\", c!=\"v\"}");
    Predicate<String> regex = s.matchers().get(0).predicate();
    assertTrue(regex.test("sda"));
    assertTrue(!regex.test("xsda"), "anchored at the start");
    assertTrue(!regex.test("sdab"), "anchored at the end");
    assertTrue(s.matchers().get(1).predicate().test("set"));
    assertTrue(!s.matchers().get(1).predicate().test(""));
    assertTrue(s.matchers().get(2).predicate().test(""));
  }

  @Test
  void shouldRefuseConstructsOutsideTheSubsetByName() {
    assertError(2, "the offset modifier is not supported", "x offset 5m > 1");
    assertError(2, "the @ modifier is not supported", "x @ 100 > 1");
    assertError(6, "set operator or is not supported", "x > 1 or y > 2");
    assertError(6, "set operator and is not supported", "x > 1 and y > 2");
    assertError(2, "set operator unless is not supported", "x unless y");
    assertError(
        4,
        "vector matching with on is not supported: both sides must have the same"
            + " labels (one-to-one)",
        "x / on(instance) y");
    assertError(
        4,
        "vector matching with ignoring is not supported: both sides must have the"
            + " same labels (one-to-one)",
        "x / ignoring(cpu) group_left y");
    assertError(4, "the bool modifier is not supported", "x > bool 1");
    assertError(2, "operator % is not supported: use + - * or /", "x % 2");
    assertError(2, "operator ^ is not supported: use + - * or /", "x ^ 2");
    assertError(2, "operator atan2 is not supported: use + - * or /", "x atan2 y");
    assertError(
        1, "a range selector is only supported inside rate(...) or increase(...)", "x[5m] > 1");
    assertError(7, "subqueries are not supported", "rate(x[5m:1m])");
    assertError(21, "subqueries are not supported", "sum by (instance) (x)[5m:]");
    assertError(0, "function abs is not supported: use rate, increase or time", "abs(x) > 1");
    assertError(0, "function irate is not supported: use rate, increase or time", "irate(x[5m])");
    assertError(
        0, "aggregation topk is not supported: use sum, avg, min, max or count", "topk(3, x)");
    assertError(
        4,
        "aggregation without (...) is not supported: use by (instance, ...)",
        "sum without (cpu) (x)");
    assertError(
        0, "a selector needs a metric name before {, e.g. node_load1{...}", "{__name__=\"x\"} > 1");
    assertError(
        2,
        "matching __name__ is not supported: write the metric name before {",
        "x{__name__=~\"y\"}");
    assertError(0, "unary - is supported before a number only", "-x > 1");
  }

  @Test
  void shouldRequireAggregationsToKeepTheHost() {
    assertError(
        0,
        "sum must keep the host: write sum by (instance) (Vigil aggregates within one"
            + " host; without instance Prometheus would aggregate across hosts)",
        "sum(x) > 1");
    assertError(
        4,
        "avg must keep the host: write avg by (instance, cpu) (Vigil aggregates within"
            + " one host; without instance Prometheus would aggregate across hosts)",
        "1 - avg by (cpu) (x)");
    assertError(0, "count needs a vector, not a scalar", "count by (instance) (1)");
    assertError(
        22, "count takes one argument, the vector to aggregate", "count by (instance) (x, y)");
  }

  @Test
  void shouldRefuseComparisonsWithoutExactlyOneVector() {
    assertError(
        2,
        "a comparison of two vectors is not supported: compare a vector with a number,"
            + " e.g. x / y > 0.9",
        "x > y");
    assertError(
        2,
        "a comparison of two scalars is not supported (it needs bool): compare a"
            + " vector with a number",
        "1 > 2");
  }

  @Test
  void shouldCheckRangeFunctionArguments() {
    assertError(6, "rate takes a selector with a range, e.g. rate(x[5m])", "rate(x)");
    assertError(
        0,
        "increase takes a selector with a range, e.g. increase(x[5m])",
        "increase(sum by (instance) (x)[5m])");
    assertError(5, "rate takes a selector with a range, e.g. rate(x[5m])", "rate(1)");
    assertError(7, "expected a duration like 30s, 5m, 1h30m or 7d, got \"5x\"", "rate(x[5x])");
    assertError(
        7, "expected a duration like 30s, 5m, 1h30m or 7d, got \"30m1h\"", "rate(x[30m1h])");
    assertError(7, "a range must be longer than 0", "rate(x[0])");
    assertError(7, "unexpected \"m\", expected a duration like 5m", "rate(x[m])");
    assertError(11, "the offset modifier is not supported", "rate(x[5m] offset 1h)");
  }

  @Test
  void shouldPointAtSyntaxErrors() {
    assertError(
        0,
        "unexpected end of expression, expected a number, a metric name, a function or" + " \"(\"",
        "");
    assertError(
        4,
        "unexpected end of expression, expected a number, a metric name, a function or" + " \"(\"",
        "x > ");
    assertError(2, "unexpected number 1, expected an operator or the end of the expression", "x 1");
    assertError(6, "unexpected end of expression, expected \")\"", "(x > 1");
    assertError(3, "unexpected \"}\", expected one of = != =~ !~", "x{a}");
    assertError(4, "unexpected \"b\", expected a quoted string", "x{a=b}");
    assertError(2, "unexpected number 1a, expected a label name", "x{1a=\"b\"}");
    assertError(4, "string is not closed: missing \"", "x{a=\"b}");
    assertError(5, "unknown escape \\q in a string", "x{a=\"\\q\"}");
    assertError(5, "invalid regular expression: Unclosed group", "x{a=~\"(\"}");
    assertError(4, "invalid number \"5m\" (a duration belongs in brackets, e.g. x[5m])", "x > 5m");
    assertError(2, "unexpected character \"$\"", "x $ 1");
    assertError(5, "unexpected \",\", expected \")\"", "time(,)");
  }

  private static void assertPrints(String printed, String promql) throws ExprException {
    Expr expr = ExprParser.parse(promql);
    assertEquals(printed, ExprPrinter.print(expr));
    assertEquals(expr, ExprParser.parse(printed), "the printed text parses to the same tree");
  }

  private static void assertError(int position, String message, String promql) {
    ExprException e = assertThrows(ExprException.class, () -> ExprParser.parse(promql));
    assertEquals(message, e.getMessage(), promql);
    assertEquals(position, e.position(), promql + ": " + e.getMessage());
  }
}
