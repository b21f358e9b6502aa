/**
 * The alert engine: per host, the compiled rules and the state of every alert they can return
 * (inactive, pending, firing) in primitive arrays, stepped as Prometheus steps its alerting rules,
 * with incidents raised and cleared when the firing set changes.
 */
package dev.vigil.collector.rules.engine;
