/** Shipping batches to a collector over one gRPC stream, reconnecting when it goes away. */
package dev.vigil.agent.ship;
