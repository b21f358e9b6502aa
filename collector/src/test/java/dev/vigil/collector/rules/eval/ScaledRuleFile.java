package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleGroup;
import dev.vigil.collector.rules.RuleSet;
import java.time.Duration;
import java.util.TreeMap;

/**
 * Writes loaded rules back as a Prometheus rule file for a test: the same groups, alert names,
 * expressions and labels, {@code for} cut to a longest duration so that a few hours of data can
 * reach it, and no annotations (Vigil's {@code vigil_keep_firing_while} included).
 */
final class ScaledRuleFile {
  private ScaledRuleFile() {}

  static String of(RuleSet rules, Duration longestFor) {
    StringBuilder out = new StringBuilder("groups:\n");
    for (RuleGroup group : rules.groups()) {
      out.append("  - name: ").append(quoted(group.name())).append("\n    rules:\n");
      for (Rule rule : group.rules()) {
        out.append("      - alert: ").append(quoted(rule.name())).append('\n');
        out.append("        expr: ").append(quoted(rule.exprText())).append('\n');
        Duration pendingFor = rule.pendingFor();
        out.append("        for: ").append(seconds(min(pendingFor, longestFor))).append('\n');
        out.append("        keep_firing_for: ").append(seconds(rule.keepFiringFor())).append('\n');
        out.append("        labels: {");
        new TreeMap<>(rule.labels())
            .forEach(
                (name, value) -> out.append(name).append(": ").append(quoted(value)).append(", "));
        if (!rule.labels().isEmpty()) {
          out.setLength(out.length() - 2);
        }
        out.append("}\n");
      }
    }
    return out.toString();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + "s";
  }

  /** A YAML single-quoted scalar: nothing but the quote itself needs escaping there. */
  static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
