/**
 * Rule evaluation: the rules in force compiled for each host when its catalog arrives ({@link
 * dev.vigil.collector.rules.eval.HostProgram}), evaluated as its samples land, with no allocation
 * in steady state. Everything a compiled expression reads is resolved to the host's series slots
 * when it is compiled; evaluating only walks primitive arrays.
 */
package dev.vigil.collector.rules.eval;
