/** {@code vigil-collector incidents ...} and {@code hosts ...}: the API from a terminal. */
package dev.vigil.collector.cli;
