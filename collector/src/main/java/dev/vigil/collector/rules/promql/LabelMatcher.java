package dev.vigil.collector.rules.promql;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One matcher of a selector, e.g. {@code mode!="idle"}. As in Prometheus, a missing label counts as
 * the empty string, so {@code fstype!="tmpfs"} matches a series without {@code fstype}.
 *
 * @param label the label's name
 * @param op how the value is compared
 * @param value the text to compare with; for {@link MatchOp#REGEX} and {@link MatchOp#NOT_REGEX} a
 *     regular expression (already checked to compile)
 */
public record LabelMatcher(String label, MatchOp op, String value) {
  public LabelMatcher {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
  }

  /**
   * A test of a label value ({@code ""} when the series lacks the label). Compiles the regular
   * expression on every call: call it once per compiled selector, not per sample.
   */
  public Predicate<String> predicate() {
    return switch (op) {
      case EQUAL -> value::equals;
      case NOT_EQUAL -> Predicate.not(value::equals);
      case REGEX -> anchored(value).asMatchPredicate();
      case NOT_REGEX -> anchored(value).asMatchPredicate().negate();
    };
  }

  /**
   * Prometheus anchors a matcher's regular expression at both ends; Java's {@link
   * java.util.regex.Matcher#matches()} does the same, and in both {@code .} stops at a line break
   * (as in Prometheus 2). RE2 and Java agree on the syntax rules use (classes, alternation,
   * repetition); Java's look-arounds, back-references and possessive quantifiers, which RE2 lacks,
   * are the exceptions, and {@code promtool check rules} refuses them.
   */
  static Pattern anchored(String regex) {
    return Pattern.compile(regex);
  }
}
