/**
 * The latest value of every series of every host, held in primitive arrays indexed by slot, plus
 * the family index that lets the exposition walk them without creating an object per series.
 */
package dev.vigil.collector.store;
