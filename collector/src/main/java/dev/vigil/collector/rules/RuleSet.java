package dev.vigil.collector.rules;

import java.util.List;

/**
 * Every rule group loaded from the configured files at one moment, in file order then group order.
 * Immutable: a reload builds a new one, so an evaluator notices a reload by identity ({@code
 * rules.current() != compiledFrom}).
 *
 * @param groups the groups
 */
public record RuleSet(List<RuleGroup> groups) {
  /** No rules: the collector runs without {@code --rules}. */
  public static final RuleSet EMPTY = new RuleSet(List.of());

  public RuleSet {
    groups = List.copyOf(groups);
  }

  /** Every rule of every group, in order. */
  public List<Rule> rules() {
    return groups.stream().flatMap(group -> group.rules().stream()).toList();
  }
}
