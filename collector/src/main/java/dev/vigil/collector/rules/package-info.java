/**
 * Alerting rules: rule files in Prometheus' format read with every error's file, line and column,
 * the {@link dev.vigil.collector.rules.Rules} holder an evaluator reads, and reloading on SIGHUP
 * and on file change that keeps the rules in force when a new file is invalid. The expression
 * language is in {@code promql}.
 */
package dev.vigil.collector.rules;
