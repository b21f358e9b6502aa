/**
 * The durable incident store: an SQLite file (WAL, {@code synchronous=FULL}) or PostgreSQL, one
 * writer thread that runs every change as one transaction (incident, audit event, outbox entries),
 * concurrent reads, and numbered schema migrations recorded in {@code schema_version}.
 */
package dev.vigil.collector.incident.store;
