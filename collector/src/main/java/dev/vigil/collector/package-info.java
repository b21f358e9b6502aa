/**
 * The Vigil collector: agents stream to its gRPC ingest, it keeps the latest state of every host
 * and serves it to Prometheus over HTTP.
 */
package dev.vigil.collector;
