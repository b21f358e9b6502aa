/** The agent's in-memory model of readings: metric families, label sets and samples. */
package dev.vigil.agent.metric;
