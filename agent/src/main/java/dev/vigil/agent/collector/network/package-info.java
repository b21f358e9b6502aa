/** Bytes received and sent per network interface. */
package dev.vigil.agent.collector.network;
