/**
 * Vigil's subset of PromQL: the parser and the immutable syntax tree ({@link
 * dev.vigil.collector.rules.promql.Expr}) an evaluator compiles per host. Everything outside the
 * subset is refused at parse time with an error that names the construct and its position.
 */
package dev.vigil.collector.rules.promql;
