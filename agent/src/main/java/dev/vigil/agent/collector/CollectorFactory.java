package dev.vigil.agent.collector;

/** Creates a collector bound to the host it reads. */
@FunctionalInterface
public interface CollectorFactory {

  /** A new collector reading through {@code context}. */
  Collector create(CollectorContext context);
}
