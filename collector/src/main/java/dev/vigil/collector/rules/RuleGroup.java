package dev.vigil.collector.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named group of rules from one file. Vigil evaluates a host's rules as its samples arrive, so
 * {@code interval} matters only where Prometheus evaluates the same file; it is kept for that and
 * for an evaluator that wants a cadence for time-based rules.
 *
 * @param name the group's name, unique within its file
 * @param interval the group's {@code interval}, if given
 * @param rules the rules in file order
 * @param file the file the group came from
 */
public record RuleGroup(String name, Optional<Duration> interval, List<Rule> rules, Path file) {
  public RuleGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(file, "file");
    rules = List.copyOf(rules);
  }
}
