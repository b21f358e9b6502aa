/**
 * JMH benchmarks of the collector's hot path, with the figures measured in each class's Javadoc.
 */
package dev.vigil.bench;
