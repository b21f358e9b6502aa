package dev.vigil.collector.store;

import java.util.Map;

/**
 * What an agent says about its host in Hello.
 *
 * @param agentId stable identity of the agent installation
 * @param agentVersion version of the agent software
 * @param bootId identifier of the host's current boot
 * @param os operating system family
 * @param labels host labels (site, role, owner, ...)
 */
public record HostIdentity(
    String agentId, String agentVersion, String bootId, String os, Map<String, String> labels) {
  /** Before any Hello. */
  public static final HostIdentity UNKNOWN = new HostIdentity("", "", "", "", Map.of());

  public HostIdentity {
    labels = Map.copyOf(labels);
  }
}
