package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A rule set as the engine uses it, worked out once per reload rather than once per host: the rules
 * in order, each one's severity, and the rule names (to tell a restored incident of a loaded rule
 * from one of a rule no longer in the files).
 *
 * @param set the rule set, compared by identity to notice a reload
 * @param rules {@code set.rules()}
 * @param severities the severity of each rule, by index
 * @param names every rule name
 */
record LoadedRules(RuleSet set, List<Rule> rules, Severity[] severities, Set<String> names) {
  /** A rule without a severity label pages as a warning. */
  static final Severity DEFAULT_SEVERITY = Severity.WARNING;

  /**
   * @param problems told about each rule whose severity label is not one Vigil knows
   */
  static LoadedRules of(RuleSet set, Consumer<String> problems) {
    List<Rule> rules = set.rules();
    Severity[] severities = new Severity[rules.size()];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < severities.length; i++) {
      Rule rule = rules.get(i);
      severities[i] = severity(rule, problems);
      names.add(rule.name());
    }
    return new LoadedRules(set, rules, severities, Set.copyOf(names));
  }

  private static Severity severity(Rule rule, Consumer<String> problems) {
    String label = rule.labels().get("severity");
    if (label == null) {
      return DEFAULT_SEVERITY;
    }
    try {
      return Severity.parse(label);
    } catch (IllegalArgumentException e) {
      problems.accept(
          rule.origin()
              + ": rule "
              + rule.name()
              + ": "
              + e.getMessage()
              + "; its incidents are "
              + DEFAULT_SEVERITY.label());
      return DEFAULT_SEVERITY;
    }
  }
}
