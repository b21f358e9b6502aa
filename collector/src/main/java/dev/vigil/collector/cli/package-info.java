/** {@code vigil-collector incidents ...}: the incidents API from a terminal. */
package dev.vigil.collector.cli;
