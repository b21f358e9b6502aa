/**
 * The collector's HTTP server on Netty: the fleet and per-host Prometheus expositions written
 * straight from the series store, Prometheus service discovery, and a health check.
 */
package dev.vigil.collector.http;
