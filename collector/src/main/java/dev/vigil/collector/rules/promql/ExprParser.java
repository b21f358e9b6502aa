package dev.vigil.collector.rules.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses Vigil's PromQL subset into an {@link Expr}, with PromQL's precedence ({@code * /} over
 * {@code + -} over comparisons, all left-associative). Whatever lies outside the subset is refused
 * by name ({@code offset}, {@code or}, {@code on(...)}, subqueries, other functions and
 * aggregations), never misread.
 */
public final class ExprParser {
  private static final Map<String, ComparisonOp> COMPARISONS =
      Map.of(
          ">", ComparisonOp.GREATER,
          "<", ComparisonOp.LESS,
          ">=", ComparisonOp.GREATER_OR_EQUAL,
          "<=", ComparisonOp.LESS_OR_EQUAL,
          "==", ComparisonOp.EQUAL,
          "!=", ComparisonOp.NOT_EQUAL);
  private static final Map<String, ArithmeticOp> ADDITIVE =
      Map.of("+", ArithmeticOp.ADD, "-", ArithmeticOp.SUBTRACT);
  private static final Map<String, ArithmeticOp> MULTIPLICATIVE =
      Map.of("*", ArithmeticOp.MULTIPLY, "/", ArithmeticOp.DIVIDE);
  private static final Map<String, MatchOp> MATCH_OPS =
      Map.of(
          "=",
          MatchOp.EQUAL,
          "!=",
          MatchOp.NOT_EQUAL,
          "=~",
          MatchOp.REGEX,
          "!~",
          MatchOp.NOT_REGEX);
  private static final Set<String> OTHER_AGGREGATIONS =
      Set.of(
          "topk",
          "bottomk",
          "quantile",
          "stddev",
          "stdvar",
          "count_values",
          "group",
          "limitk",
          "limit_ratio");
  private static final Set<String> VECTOR_MATCHING =
      Set.of("on", "ignoring", "group_left", "group_right");
  private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");
  private static final Pattern DECIMAL =
      Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|0[xX][0-9a-fA-F]+");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Lexer lexer;
  private Token token;

  private ExprParser(String text) throws ExprException {
    lexer = new Lexer(text);
    token = lexer.next();
  }

  /**
   * The expression {@code text} spells.
   *
   * @throws ExprException with the offset of the first thing wrong and what it is
   */
  public static Expr parse(String text) throws ExprException {
    ExprParser parser = new ExprParser(text);
    Expr expr = parser.comparison();
    if (parser.token.kind() != Token.Kind.END) {
      throw parser.unexpected("an operator or the end of the expression");
    }
    return expr;
  }

  private Expr comparison() throws ExprException {
    Expr left = additive();
    while (token.kind() == Token.Kind.SYMBOL && COMPARISONS.containsKey(token.text())) {
      Token operator = advance();
      refuseModifiers();
      Expr right = additive();
      if (left.type() == right.type()) {
        throw new ExprException(
            operator.start(),
            left.type() == ValueType.SCALAR
                ? "a comparison of two scalars is not supported (it needs bool): compare a vector"
                    + " with a number"
                : "a comparison of two vectors is not supported: compare a vector with a number,"
                    + " e.g. x / y > 0.9");
      }
      left = new Comparison(COMPARISONS.get(operator.text()), left, right);
    }
    return left;
  }

  private Expr additive() throws ExprException {
    Expr left = multiplicative();
    while (token.kind() == Token.Kind.SYMBOL && ADDITIVE.containsKey(token.text())) {
      ArithmeticOp op = ADDITIVE.get(advance().text());
      refuseModifiers();
      left = new Arithmetic(op, left, multiplicative());
    }
    return left;
  }

  private Expr multiplicative() throws ExprException {
    Expr left = unary();
    while (token.kind() == Token.Kind.SYMBOL && MULTIPLICATIVE.containsKey(token.text())) {
      ArithmeticOp op = MULTIPLICATIVE.get(advance().text());
      refuseModifiers();
      left = new Arithmetic(op, left, unary());
    }
    refuseOtherOperator();
    return left;
  }

  /** After a binary operator: {@code bool}, {@code on(...)}, {@code group_left} and the like. */
  private void refuseModifiers() throws ExprException {
    if (token.isWord("bool")) {
      throw new ExprException(token.start(), "the bool modifier is not supported");
    }
    if (token.kind() == Token.Kind.IDENTIFIER
        && VECTOR_MATCHING.contains(token.text().toLowerCase(Locale.ROOT))) {
      throw new ExprException(
          token.start(),
          "vector matching with "
              + token.text()
              + " is not supported: both sides must have the same labels (one-to-one)");
    }
  }

  /** Where an operator may follow: the operators PromQL has and the subset does not. */
  private void refuseOtherOperator() throws ExprException {
    if (token.is("%") || token.is("^") || token.isWord("atan2")) {
      throw new ExprException(
          token.start(), "operator " + token.text() + " is not supported: use + - * or /");
    }
    if (token.kind() == Token.Kind.IDENTIFIER
        && SET_OPERATORS.contains(token.text().toLowerCase(Locale.ROOT))) {
      throw new ExprException(token.start(), "set operator " + token.text() + " is not supported");
    }
  }

  private Expr unary() throws ExprException {
    if (token.is("-") || token.is("+")) {
      Token sign = advance();
      if (token.kind() != Token.Kind.NUMBER && !token.isWord("inf")) {
        throw new ExprException(
            sign.start(), "unary " + sign.text() + " is supported before a number only");
      }
      double value = number(advance());
      return new NumberLiteral(sign.text().equals("-") ? -value : value);
    }
    Expr operand = primary();
    refuseSuffix(operand);
    return operand;
  }

  /** After an operand: {@code offset}, {@code @} and a range outside {@code rate}. */
  private void refuseSuffix(Expr operand) throws ExprException {
    if (token.isWord("offset")) {
      throw new ExprException(token.start(), "the offset modifier is not supported");
    }
    if (token.is("@")) {
      throw new ExprException(token.start(), "the @ modifier is not supported");
    }
    if (token.is("[")) {
      throw new ExprException(
          token.start(),
          operand instanceof VectorSelector
              ? "a range selector is only supported inside rate(...) or increase(...)"
              : "subqueries are not supported");
    }
  }

  private Expr primary() throws ExprException {
    return switch (token.kind()) {
      case NUMBER -> new NumberLiteral(number(advance()));
      case IDENTIFIER -> identifier();
      case SYMBOL -> symbol();
      default -> throw unexpected("a number, a metric name, a function or \"(\"");
    };
  }

  private Expr symbol() throws ExprException {
    if (token.is("(")) {
      advance();
      Expr inner = comparison();
      expect(")");
      return inner;
    }
    if (token.is("{")) {
      throw new ExprException(
          token.start(), "a selector needs a metric name before {, e.g. node_load1{...}");
    }
    throw unexpected("a number, a metric name, a function or \"(\"");
  }

  private Expr identifier() throws ExprException {
    String word = token.text().toLowerCase(Locale.ROOT);
    if (word.equals("inf") || word.equals("nan")) {
      return new NumberLiteral(number(advance()));
    }
    for (AggregationOp op : AggregationOp.values()) {
      if (op.promql().equals(word)) {
        return aggregation(op);
      }
    }
    if (OTHER_AGGREGATIONS.contains(word)) {
      throw new ExprException(
          token.start(),
          "aggregation " + token.text() + " is not supported: use sum, avg, min, max or count");
    }
    Token name = advance();
    if (token.is("(")) {
      return call(name);
    }
    return selector(name);
  }

  private Expr call(Token name) throws ExprException {
    switch (name.text()) {
      case "rate":
        return rangeFunction(RangeFunction.Kind.RATE, name);
      case "increase":
        return rangeFunction(RangeFunction.Kind.INCREASE, name);
      case "time":
        expect("(");
        expect(")");
        return new TimeFunction();
      default:
        throw new ExprException(
            name.start(),
            "function " + name.text() + " is not supported: use rate, increase or time");
    }
  }

  private Expr rangeFunction(RangeFunction.Kind kind, Token name) throws ExprException {
    expect("(");
    String usage =
        kind.promql() + " takes a selector with a range, e.g. " + kind.promql() + "(x[5m])";
    if (token.kind() != Token.Kind.IDENTIFIER) {
      throw new ExprException(token.start(), usage);
    }
    Expr argument = identifier();
    if (!(argument instanceof VectorSelector selector)) {
      throw new ExprException(name.start(), usage);
    }
    if (!token.is("[")) {
      throw new ExprException(token.start(), usage);
    }
    advance();
    Duration range = range();
    expect("]");
    if (token.isWord("offset") || token.is("@")) {
      refuseSuffix(argument);
    }
    expect(")");
    return new RangeFunction(kind, selector, range);
  }

  private Duration range() throws ExprException {
    if (token.is(":") || (token.kind() == Token.Kind.DURATION && token.text().contains(":"))) {
      throw new ExprException(token.start(), "subqueries are not supported");
    }
    if (token.kind() != Token.Kind.DURATION) {
      throw unexpected("a duration like 5m");
    }
    Token text = advance();
    Duration range;
    try {
      range = PromDuration.parse(text.text());
    } catch (IllegalArgumentException e) {
      throw new ExprException(text.start(), e.getMessage());
    }
    if (range.isZero()) {
      throw new ExprException(text.start(), "a range must be longer than 0");
    }
    if (token.is(":")) {
      throw new ExprException(token.start(), "subqueries are not supported");
    }
    return range;
  }

  private Expr aggregation(AggregationOp op) throws ExprException {
    Token name = advance();
    List<String> by = grouping();
    expect("(");
    Expr operand = comparison();
    if (token.is(",")) {
      throw new ExprException(
          token.start(), op.promql() + " takes one argument, the vector to aggregate");
    }
    expect(")");
    if (by == null) {
      by = grouping();
    }
    if (operand.type() != ValueType.VECTOR) {
      throw new ExprException(name.start(), op.promql() + " needs a vector, not a scalar");
    }
    if (by == null || !by.contains("instance")) {
      throw new ExprException(
          name.start(),
          op.promql()
              + " must keep the host: write "
              + op.promql()
              + " by (instance"
              + (by == null || by.isEmpty() ? "" : ", " + String.join(", ", by))
              + ") (Vigil aggregates within one host; without instance Prometheus would"
              + " aggregate across hosts)");
    }
    return new Aggregation(op, by, operand);
  }

  /** {@code by (a, b)} if it comes next, else null. */
  private List<String> grouping() throws ExprException {
    if (token.isWord("without")) {
      throw new ExprException(
          token.start(), "aggregation without (...) is not supported: use by (instance, ...)");
    }
    if (!token.isWord("by")) {
      return null;
    }
    advance();
    expect("(");
    Set<String> labels = new LinkedHashSet<>();
    while (!token.is(")")) {
      labels.add(labelName());
      if (!token.is(")")) {
        expect(",");
      }
    }
    advance();
    return new ArrayList<>(labels);
  }

  private VectorSelector selector(Token name) throws ExprException {
    List<LabelMatcher> matchers = new ArrayList<>();
    if (token.is("{")) {
      advance();
      while (!token.is("}")) {
        matchers.add(matcher());
        if (!token.is("}")) {
          expect(",");
        }
      }
      advance();
    }
    return new VectorSelector(name.text(), matchers);
  }

  private LabelMatcher matcher() throws ExprException {
    int start = token.start();
    String label = labelName();
    if (label.equals("__name__")) {
      throw new ExprException(
          start, "matching __name__ is not supported: write the metric name before {");
    }
    if (token.kind() != Token.Kind.SYMBOL || !MATCH_OPS.containsKey(token.text())) {
      throw unexpected("one of = != =~ !~");
    }
    MatchOp op = MATCH_OPS.get(advance().text());
    if (token.kind() != Token.Kind.STRING) {
      throw unexpected("a quoted string");
    }
    Token value = advance();
    if (op == MatchOp.REGEX || op == MatchOp.NOT_REGEX) {
      try {
        LabelMatcher.anchored(value.text());
      } catch (PatternSyntaxException e) {
        throw new ExprException(value.start(), "invalid regular expression: " + e.getDescription());
      }
    }
    return new LabelMatcher(label, op, value.text());
  }

  private String labelName() throws ExprException {
    if (token.kind() != Token.Kind.IDENTIFIER || !LABEL_NAME.matcher(token.text()).matches()) {
      throw unexpected("a label name");
    }
    return advance().text();
  }

  private double number(Token number) throws ExprException {
    String text = number.text();
    String word = text.toLowerCase(Locale.ROOT);
    if (word.equals("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (word.equals("nan")) {
      return Double.NaN;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new ExprException(
          number.start(),
          "invalid number \"" + text + "\" (a duration belongs in brackets, e.g. x[5m])");
    }
    return word.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Double.parseDouble(text);
  }

  private void expect(String symbol) throws ExprException {
    if (!token.is(symbol)) {
      throw unexpected("\"" + symbol + "\"");
    }
    advance();
  }

  private Token advance() throws ExprException {
    Token current = token;
    token = lexer.next();
    return current;
  }

  private ExprException unexpected(String expected) {
    return new ExprException(
        token.start(), "unexpected " + token.describe() + ", expected " + expected);
  }
}
