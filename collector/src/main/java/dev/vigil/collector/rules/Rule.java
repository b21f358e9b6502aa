package dev.vigil.collector.rules;

import dev.vigil.collector.rules.promql.Expr;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alerting rule, as Prometheus defines it, plus Vigil's hysteresis.
 *
 * @param name the {@code alert} name, which becomes the {@code alertname} label
 * @param expr the condition: every series it returns is a pending or firing alert
 * @param exprText {@code expr} as written in the file
 * @param pendingFor the {@code for} duration: how long a series must keep returning before it fires
 *     (0: at once)
 * @param keepFiringFor the {@code keep_firing_for} duration: how long a firing alert keeps firing
 *     after its series stopped returning (0: resolves at once)
 * @param keepFiringWhile Vigil's {@code vigil_keep_firing_while} annotation: once an alert fires,
 *     it keeps firing while this expression still returns its label set, even after {@code expr} no
 *     longer does (hysteresis; {@code keep_firing_for} counts from when this stops too). Empty for
 *     plain Prometheus semantics
 * @param labels labels added to every alert of the rule, as written (templates not yet rendered)
 * @param annotations annotations as written, without Vigil's own {@code vigil_*} ones
 * @param origin where the rule starts, {@code file:line:column}, for messages
 */
public record Rule(
    String name,
    Expr expr,
    String exprText,
    Duration pendingFor,
    Duration keepFiringFor,
    Optional<Expr> keepFiringWhile,
    Map<String, String> labels,
    Map<String, String> annotations,
    String origin) {
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(exprText, "exprText");
    Objects.requireNonNull(pendingFor, "pendingFor");
    Objects.requireNonNull(keepFiringFor, "keepFiringFor");
    Objects.requireNonNull(keepFiringWhile, "keepFiringWhile");
    Objects.requireNonNull(origin, "origin");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
