package dev.vigil.agent.ship;

import dev.vigil.proto.v1.Hello;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import oshi.util.PlatformEnum;

/** Who this agent is, as announced in the Hello of every stream. */
public record AgentIdentity(
    String agentId, String hostName, String agentVersion, String bootId, String os) {

  /**
   * Detects the identity of this host. Without a state directory yet, the agent id is derived from
   * the host name and the machine id, so it survives restarts but not a rename.
   *
   * @param machineIdFile /etc/machine-id on Linux; ignored when unreadable
   */
  public static AgentIdentity detect(
      String hostName, Path procRoot, Path machineIdFile, PlatformEnum platform) {
    String machineId = readTrimmed(machineIdFile);
    String bootId = readTrimmed(procRoot.resolve("sys/kernel/random/boot_id"));
    return new AgentIdentity(
        agentId(hostName, machineId), hostName, currentVersion(), bootId, osFamily(platform));
  }

  /** A name-based UUID, so one host with one machine id always gets the same id. */
  static String agentId(String hostName, String machineId) {
    byte[] seed = (hostName + '\n' + machineId).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(seed).toString();
  }

  /** The os value of Hello: lower-case family names as Go's GOOS spells them. */
  static String osFamily(PlatformEnum platform) {
    return switch (platform) {
      case MACOS -> "darwin";
      case WINDOWS, WINDOWSCE -> "windows";
      default -> platform.name().toLowerCase(Locale.ROOT);
    };
  }

  /** The first frame of a stream. */
  public Hello hello(long epoch, Map<String, String> labels) {
    return Hello.newBuilder()
        .setAgentId(agentId)
        .setHostName(hostName)
        .setAgentVersion(agentVersion)
        .setBootId(bootId)
        .putAllLabels(labels)
        .setEpoch(epoch)
        .setOs(os)
        .build();
  }

  private static String currentVersion() {
    String version = AgentIdentity.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  private static String readTrimmed(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
